package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Limits;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/** Typed reads of a Segment call's top-level fields; each refusal names the field. */
final class MessageFields {

    private MessageFields() {
    }

    /** The string at {@code name}; empty when absent or null; refused when it is another type. */
    static Decoded<Optional<String>> string(JsonObject message, String name) {
        JsonValue value = message.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Decoded.accepted(Optional.empty());
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return Decoded.rejected(name, "must be a string");
        }
        return Decoded.accepted(Optional.of(((JsonString) value).getString()));
    }

    /** The object at {@code name}; an empty object when absent or null; refused when it is another type. */
    static Decoded<JsonObject> object(JsonObject message, String name) {
        JsonValue value = message.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Decoded.accepted(JsonValue.EMPTY_JSON_OBJECT);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Decoded.rejected(name, "must be a JSON object");
        }
        return Decoded.accepted(value.asJsonObject());
    }

    /**
     * An identifier that ends up as a database key ({@code messageId}, {@code anonymousId}): a string of 1 to
     * {@code maxChars} characters without control characters or unpaired surrogates, which PostgreSQL's TEXT and
     * the log key cannot hold faithfully.
     */
    static Decoded<Optional<String>> identifier(JsonObject message, String name, int maxChars) {
        return string(message, name).flatMap(value -> {
            if (value.isEmpty()) {
                return Decoded.accepted(value);
            }
            String text = value.get();
            if (text.isEmpty() || text.length() > maxChars) {
                return Decoded.rejected(name, "must be 1 to " + maxChars + " characters");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean unpaired = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(++i)));
                if (Character.isISOControl(c) || unpaired) {
                    return Decoded.rejected(name, "must not contain control characters or unpaired surrogates");
                }
            }
            return Decoded.accepted(value);
        });
    }

    /** {@link #identifier} with the longest id the protocol allows, for {@code messageId}. */
    static Decoded<Optional<String>> messageId(JsonObject message) {
        return identifier(message, "messageId", Limits.MAX_ID_CHARS);
    }
}
