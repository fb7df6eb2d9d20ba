package dev.waymark.cloud.internal.decision.catalog;

import io.vertx.core.json.JsonObject;

/** A well-formed catalog that does not compile or load: the body of a 422, {@code {"errors": [...]}}. */
public final class CatalogRejected extends RuntimeException {

    private final JsonObject errors;

    /** The rejection with its errors document. */
    public CatalogRejected(JsonObject errors) {
        super("catalog rejected", null, false, false);
        this.errors = errors.copy();
    }

    /** {@code {"errors": [{"actionId"|"pattern", "field", "message"}]}}. */
    public JsonObject errors() {
        return errors.copy();
    }
}
