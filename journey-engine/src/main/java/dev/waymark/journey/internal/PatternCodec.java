package dev.waymark.journey.internal;

import dev.waymark.journey.IntentPattern;
import dev.waymark.journey.IntentPattern.CartAbandonment;
import dev.waymark.journey.IntentPattern.FeatureExploration;
import dev.waymark.journey.IntentPattern.JourneyCompletion;
import dev.waymark.journey.IntentPattern.LoyaltyRecognition;
import dev.waymark.journey.IntentPattern.RepeatedSearchWithoutResult;
import dev.waymark.journey.IntentPattern.ServiceRequestInitiation;
import dev.waymark.journey.PatternError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads and writes the intent-pattern JSON document ({@code {"patterns": [...]}}). */
public final class PatternCodec {

    private static final Set<String> DOCUMENT_FIELDS = Set.of("patterns");
    private static final Set<String> COMMON = Set.of("name", "kind");

    private PatternCodec() {
    }

    /** Parses a document into patterns, collecting every error; the result is empty exactly when errors exist. */
    public static List<IntentPattern> parse(String json, List<PatternError> errors) {
        BiConsumer<String, String> docProblem = (field, reason) -> errors.add(new PatternError("document", field,
                reason));
        Optional<JsonValue> root = JsonReading.parse(json, docProblem);
        if (root.isEmpty()) {
            return List.of();
        }
        if (!(root.get() instanceof JsonObject doc)) {
            docProblem.accept("", "must be a JSON object");
            return List.of();
        }
        JsonReading.onlyFields(doc, DOCUMENT_FIELDS, docProblem);
        if (!(doc.get("patterns") instanceof JsonArray entries)) {
            docProblem.accept("patterns", "must be an array");
            return List.of();
        }
        List<IntentPattern> patterns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "patterns[" + i + "]";
            if (!(entries.get(i) instanceof JsonObject entry)) {
                errors.add(new PatternError(where, "", "must be a JSON object"));
                continue;
            }
            if (entry.get("name") instanceof JsonString s && IntentPattern.NAME.matcher(
                    s.getString()).matches()) {
                where = s.getString();
                if (!names.add(where)) {
                    errors.add(new PatternError(where, "name", "is used by more than one pattern"));
                }
            }
            readOne(entry, where, errors).ifPresent(patterns::add);
        }
        return errors.isEmpty() ? List.copyOf(patterns) : List.of();
    }

    private static Optional<IntentPattern> readOne(JsonObject entry, String where, List<PatternError> errors) {
        int before = errors.size();
        BiConsumer<String, String> problem = (field, reason) -> errors.add(new PatternError(where, field, reason));
        Optional<String> name = JsonReading.string(entry, "name", problem);
        name.filter(n -> !IntentPattern.NAME.matcher(n).matches())
                .ifPresent(n -> problem.accept("name", "must match " + IntentPattern.NAME.pattern()));
        Optional<String> kind = JsonReading.string(entry, "kind", problem);
        if (name.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        Optional<IntentPattern> pattern = switch (kind.get()) {
            case "cart_abandonment" -> only(entry, problem, "windowMinutes", "onSessionEnd")
                    .flatMap(ok -> JsonReading.integer(entry, "windowMinutes", problem))
                    .flatMap(w -> build(problem, () -> new CartAbandonment(name.get(), w,
                            JsonReading.bool(entry, "onSessionEnd", true, problem))));
            case "service_request_initiation" -> only(entry, problem)
                    .flatMap(ok -> build(problem, () -> new ServiceRequestInitiation(name.get())));
            case "feature_exploration" -> counted(entry, problem, "views",
                    (n, w) -> new FeatureExploration(name.get(), n, w));
            case "repeated_search_without_result" -> counted(entry, problem, "searches",
                    (n, w) -> new RepeatedSearchWithoutResult(name.get(), n, w));
            case "loyalty_recognition" -> only(entry, problem)
                    .flatMap(ok -> build(problem, () -> new LoyaltyRecognition(name.get())));
            case "journey_completion" -> only(entry, problem)
                    .flatMap(ok -> build(problem, () -> new JourneyCompletion(name.get())));
            default -> {
                problem.accept("kind", "unknown kind '" + kind.get() + "'");
                yield Optional.empty();
            }
        };
        return errors.size() == before ? pattern : Optional.empty();
    }

    private interface CountedFactory {
        IntentPattern create(int threshold, int windowMinutes);
    }

    private static Optional<IntentPattern> counted(JsonObject entry, BiConsumer<String, String> problem,
            String thresholdField, CountedFactory factory) {
        only(entry, problem, thresholdField, "windowMinutes");
        Optional<Integer> threshold = JsonReading.integer(entry, thresholdField, problem);
        Optional<Integer> window = JsonReading.integer(entry, "windowMinutes", problem);
        if (threshold.isEmpty() || window.isEmpty()) {
            return Optional.empty();
        }
        return build(problem, () -> factory.create(threshold.get(), window.get()));
    }

    private static Optional<Boolean> only(JsonObject entry, BiConsumer<String, String> problem, String... fields) {
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(List.of(fields));
        JsonReading.onlyFields(entry, allowed, problem);
        return Optional.of(Boolean.TRUE);
    }

    private interface Construction {
        IntentPattern run();
    }

    /** Runs a validating constructor and turns its "field: reason" message into a problem. */
    private static Optional<IntentPattern> build(BiConsumer<String, String> problem, Construction construction) {
        try {
            return Optional.of(construction.run());
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            if (colon > 0) {
                problem.accept(message.substring(0, colon), message.substring(colon + 2));
            } else {
                problem.accept("", message);
            }
            return Optional.empty();
        }
    }

    /** Writes patterns in the same shape {@link #parse} reads. */
    public static String write(List<IntentPattern> patterns) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (IntentPattern p : patterns) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("name", p.name()).add("kind", p.kind());
            if (p instanceof CartAbandonment c) {
                o.add("windowMinutes", c.windowMinutes()).add("onSessionEnd", c.onSessionEnd());
            } else if (p instanceof FeatureExploration f) {
                o.add("views", f.views()).add("windowMinutes", f.windowMinutes());
            } else if (p instanceof RepeatedSearchWithoutResult r) {
                o.add("searches", r.searches()).add("windowMinutes", r.windowMinutes());
            }
            array.add(o);
        }
        return Json.createObjectBuilder().add("patterns", array).build().toString();
    }
}
