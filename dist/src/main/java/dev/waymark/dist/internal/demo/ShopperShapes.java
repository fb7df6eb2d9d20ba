package dev.waymark.dist.internal.demo;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * How real online shoppers move, measured on 20 sessions of the OTTO recsys dataset (CC BY 4.0) and shipped as
 * {@code demo/shopper-shapes.json}: visits are a session's events split at gaps over 30 minutes. The simulators draw
 * visits from these numbers; docs/demo-data.md explains each one.
 *
 * @param source                    where the numbers come from
 * @param visits                    how many visits were measured
 * @param eventsPerVisit            views, cart adds and orders per visit (descriptive; visits are drawn by parts)
 * @param cartVisitShare            share of visits with at least one cart add
 * @param cartsPerCartVisit         cart adds in a visit with any
 * @param viewsBeforeCart           views since the visit's start or the previous cart add, before each cart add
 * @param viewsAfterLastCart        views after a visit's last cart add
 * @param viewsPerBrowseVisit       views in a visit without a cart add
 * @param cartVisitOrderShare       share of visits with a cart add that order after their last add
 * @param cartOrderedInSessionShare share of cart adds whose item is ordered later in the session (descriptive: a
 *                                  kiosk visit cannot be resumed days later)
 * @param cartOfViewedItemShare     share of cart adds of an item viewed earlier in the visit
 * @param repeatViewShare           share of views of an item viewed earlier in the visit
 * @param gaps                      time between consecutive events of a visit
 */
public record ShopperShapes(DatasetSource source, int visits, Histogram eventsPerVisit, double cartVisitShare,
                            Histogram cartsPerCartVisit, Histogram viewsBeforeCart, Histogram viewsAfterLastCart,
                            Histogram viewsPerBrowseVisit, double cartVisitOrderShare, double cartOrderedInSessionShare,
                            double cartOfViewedItemShare, double repeatViewShare, GapQuantiles gaps) {

    /** The classpath resource holding the shipped shapes. */
    public static final String RESOURCE = "/demo/shopper-shapes.json";
    /** A gap longer than this starts a new visit. */
    public static final int VISIT_SPLIT_MINUTES = 30;

    private static final Set<String> KEYS = Set.of("source", "visitSplitMinutes", "visits", "eventsPerVisit",
            "cartVisitShare", "cartsPerCartVisit", "viewsBeforeCart", "viewsAfterLastCart", "viewsPerBrowseVisit",
            "cartVisitOrderShare", "cartOrderedInSessionShare", "cartOfViewedItemShare", "repeatViewShare",
            "gapMillisByPercentile");

    /** Where shapes come from: the dataset's origin, its licence and how they were derived. */
    public record DatasetSource(String dataset, String repository, String commit, String license, String attribution,
                                String derivation, int sessions, int events) {

        JsonObject toJson() {
            return new JsonObject().put("dataset", dataset).put("repository", repository).put("commit", commit)
                    .put("license", license).put("attribution", attribution).put("derivation", derivation)
                    .put("sessions", sessions).put("events", events);
        }

        static DatasetSource fromJson(JsonObject json) {
            return new DatasetSource(json.getString("dataset"), json.getString("repository"), json.getString("commit"),
                    json.getString("license"), json.getString("attribution"), json.getString("derivation"),
                    json.getInteger("sessions"), json.getInteger("events"));
        }
    }

    /** Throws IllegalArgumentException when a share is outside 0..1. */
    public ShopperShapes {
        share("cartVisitShare", cartVisitShare);
        share("cartVisitOrderShare", cartVisitOrderShare);
        share("cartOrderedInSessionShare", cartOrderedInSessionShare);
        share("cartOfViewedItemShare", cartOfViewedItemShare);
        share("repeatViewShare", repeatViewShare);
    }

    /** The shipped shapes, {@link #RESOURCE}. Throws IllegalStateException when the resource is missing or bad. */
    public static ShopperShapes load() {
        try (InputStream in = ShopperShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + ": missing from the classpath");
            }
            return fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": cannot be read", e);
        } catch (DecodeException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Measures the shapes on the OTTO sample in {@code datasetDir} ({@code train_first20_sessions.jsonl} and its
     * {@code SOURCE.txt}). Throws UncheckedIOException when a file cannot be read, IllegalArgumentException when
     * one is not in the expected format.
     */
    public static ShopperShapes derive(Path datasetDir) {
        return ShapeDerivation.derive(datasetDir);
    }

    /** The JSON form, as in {@link #RESOURCE}. */
    public JsonObject toJson() {
        return new JsonObject().put("source", source.toJson())
                .put("visitSplitMinutes", VISIT_SPLIT_MINUTES)
                .put("visits", visits)
                .put("eventsPerVisit", eventsPerVisit.toJson())
                .put("cartVisitShare", cartVisitShare)
                .put("cartsPerCartVisit", cartsPerCartVisit.toJson())
                .put("viewsBeforeCart", viewsBeforeCart.toJson())
                .put("viewsAfterLastCart", viewsAfterLastCart.toJson())
                .put("viewsPerBrowseVisit", viewsPerBrowseVisit.toJson())
                .put("cartVisitOrderShare", cartVisitOrderShare)
                .put("cartOrderedInSessionShare", cartOrderedInSessionShare)
                .put("cartOfViewedItemShare", cartOfViewedItemShare)
                .put("repeatViewShare", repeatViewShare)
                .put("gapMillisByPercentile", gaps.toJson());
    }

    /** Reads the JSON form; throws IllegalArgumentException naming an unknown or bad key. */
    public static ShopperShapes fromJson(JsonObject json) {
        for (String key : json.fieldNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key");
            }
        }
        if (number(json, "visitSplitMinutes").intValue() != VISIT_SPLIT_MINUTES) {
            throw new IllegalArgumentException("visitSplitMinutes: this build splits at " + VISIT_SPLIT_MINUTES);
        }
        JsonObject source = json.getJsonObject("source");
        JsonObject gaps = json.getJsonObject("gapMillisByPercentile");
        if (source == null || gaps == null) {
            throw new IllegalArgumentException((source == null ? "source" : "gapMillisByPercentile") + ": is missing");
        }
        return new ShopperShapes(DatasetSource.fromJson(source), number(json, "visits").intValue(),
                histogram(json, "eventsPerVisit"), number(json, "cartVisitShare").doubleValue(),
                histogram(json, "cartsPerCartVisit"), histogram(json, "viewsBeforeCart"),
                histogram(json, "viewsAfterLastCart"), histogram(json, "viewsPerBrowseVisit"),
                number(json, "cartVisitOrderShare").doubleValue(),
                number(json, "cartOrderedInSessionShare").doubleValue(),
                number(json, "cartOfViewedItemShare").doubleValue(), number(json, "repeatViewShare").doubleValue(),
                GapQuantiles.fromJson("gapMillisByPercentile", gaps));
    }

    private static Number number(JsonObject json, String key) {
        if (!(json.getValue(key) instanceof Number value)) {
            throw new IllegalArgumentException(key + ": must be a number");
        }
        return value;
    }

    private static Histogram histogram(JsonObject json, String key) {
        JsonObject value = json.getJsonObject(key);
        if (value == null) {
            throw new IllegalArgumentException(key + ": is missing");
        }
        return Histogram.fromJson(key, value);
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + ": must be a share from 0 to 1, was " + value);
        }
    }
}
