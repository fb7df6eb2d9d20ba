package dev.waymark.cloud.internal.accounts;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A request's JSON object body, read strictly: unknown fields and wrong types are refused, naming the field. */
final class JsonInput {

    private final JsonObject body;

    private JsonInput(JsonObject body) {
        this.body = body;
    }

    /** The body of {@code context} with only {@code allowed} fields; throws {@link AccountRefused} otherwise. */
    static JsonInput of(RoutingContext context, Set<String> allowed) {
        String type = context.request().getHeader("Content-Type");
        // JSON only: a cross-site HTML form cannot send it without a CORS preflight, which we never grant.
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw AccountRefused.invalid("Content-Type", "must be application/json");
        }
        Buffer buffer = context.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw AccountRefused.invalid("body", "is required");
        }
        JsonObject object;
        try {
            object = new JsonObject(buffer);
        } catch (DecodeException | ClassCastException e) {
            throw AccountRefused.invalid("body", "must be a valid JSON object");
        }
        for (String field : object.fieldNames()) {
            if (!allowed.contains(field)) {
                throw AccountRefused.invalid(field, "is not a known field; known are " + allowed);
            }
        }
        return new JsonInput(object);
    }

    Optional<String> string(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw AccountRefused.invalid(field, "must be a string");
        }
        return Optional.of(s);
    }

    String requiredString(String field) {
        return string(field).orElseThrow(() -> AccountRefused.invalid(field, "is required"));
    }

    Optional<Boolean> bool(String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof Boolean)) {
            throw AccountRefused.invalid(field, "must be true or false");
        }
        return Optional.ofNullable((Boolean) value);
    }

    Optional<List<String>> strings(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array)) {
            throw AccountRefused.invalid(field, "must be an array of strings");
        }
        if (array.size() > AccountRules.MAX_STORES) {
            throw AccountRefused.invalid(field, "has more than " + AccountRules.MAX_STORES + " entries");
        }
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String s)) {
                throw AccountRefused.invalid(field + "[" + i + "]", "must be a string");
            }
            values.add(s);
        }
        return Optional.of(values);
    }
}
