package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.journey.IntentPatterns;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The catalog seeded on first start: a cart-rescue offer for {@code cart_abandonment} and help for
 * {@code service_request} at the kiosk, a cart banner for web and app, with the journey engine's shipped intent
 * patterns.
 */
public final class DefaultCatalog {

    private static final String RESOURCE = "/dev/waymark/cloud/decision/default-catalog.json";

    private DefaultCatalog() {
    }

    /** The default draft; throws IllegalStateException when the packaged resource is invalid. */
    public static CatalogDraft draft() {
        JsonObject json = new JsonObject(resource());
        CatalogCheck.Result result = CatalogCheck.check(CatalogCheck.actions("actions", json.getValue("actions")),
                IntentPatterns.defaults().toJson(), PolicyJson.read(json.getValue("policies")));
        if (result instanceof CatalogCheck.Valid valid) {
            return valid.draft();
        }
        throw new IllegalStateException(RESOURCE + " is invalid: " + ((CatalogCheck.Rejected) result).errors());
    }

    private static String resource() {
        try (InputStream in = DefaultCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
