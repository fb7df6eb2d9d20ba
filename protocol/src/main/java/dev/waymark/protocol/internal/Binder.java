package dev.waymark.protocol.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Rejection;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.stream.JsonGenerator;
import org.eclipse.yasson.JsonBindingProvider;
import org.eclipse.yasson.YassonConfig;
import org.eclipse.yasson.YassonJsonb;

/**
 * Yasson, configured once: binds already-validated JSON-P objects onto records and writes records into a JSON-P
 * generator. Yasson's own leniency does not matter here because {@link RecordSchema} has checked the shape first;
 * it is still told to fail on unknown properties as a second guard. Thread-safe (Yasson's Jsonb is).
 */
public final class Binder {

    private final YassonJsonb jsonb;

    /** The shared configuration: lower-case enums, no nulls written, unknown properties fail. */
    public Binder() {
        JsonbConfig config = new YassonConfig()
                .withFailOnUnknownProperties(true)
                .withAdapters(EnumAdapters.all())
                .withNullValues(false);
        this.jsonb = (YassonJsonb) new JsonBindingProvider().create().withConfig(config).build();
    }

    /**
     * Binds {@code data} to {@code type}. A record's own check failing ("field: reason") becomes a rejection of
     * that field under {@code prefix}; anything else Yasson refuses becomes a rejection of {@code prefix}.
     */
    public <T> Decoded<T> bind(JsonObject data, Class<T> type, String prefix) {
        try {
            return Decoded.accepted(jsonb.fromJsonStructure(data, type));
        } catch (RuntimeException e) {
            // Data reaching here passed RecordSchema, so a failure is a record rule (or a Yasson surprise):
            // either way a rejection, because bind() promises never to throw.
            return Decoded.rejected(rejection(e, prefix));
        }
    }

    /** Writes {@code value} as the next JSON value of {@code generator}. */
    public void write(Object value, JsonGenerator generator) {
        jsonb.toJson(value, generator);
    }

    /** {@code value} as a JSON-P object. */
    public JsonObject toJsonObject(Object value) {
        return jsonb.toJsonStructure(value).asJsonObject();
    }

    /** A rejection from a failed record check: "field: reason" names the field, anything else names prefix. */
    static Rejection rejection(Throwable error, String prefix) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof IllegalArgumentException && message != null) {
                int colon = message.indexOf(": ");
                if (colon > 0 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9\\[\\].]*")) {
                    return Rejection.of(message.substring(0, colon), message.substring(colon + 2)).under(prefix);
                }
            }
        }
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return Rejection.of(prefix, "cannot be bound: " + clip(reason));
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
