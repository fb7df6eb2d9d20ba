package dev.waymark.protocol.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Rejection;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;

/** The implementation behind {@code ContractCodec}: size, strict JSON-P read, schema check, bind. Thread-safe. */
public final class StrictRecordCodec {

    private final JsonInput input = new JsonInput();
    private final Binder binder = new Binder();

    /** Reads one record of {@code type}, bounded by {@code maxBytes} (which also bounds every string). */
    public <T extends Record> Decoded<T> decode(byte[] json, Class<T> type, int maxBytes) {
        try {
            if (json.length > maxBytes) {
                return Decoded.rejected("$", "is " + json.length + " bytes, limit " + maxBytes);
            }
            return JsonInput.utf8(json).flatMap(input::read).flatMap(value -> bind(value, type, maxBytes));
        } catch (RuntimeException e) {
            return Decoded.rejected("$", "cannot be read: " + JsonInput.describe(e));
        }
    }

    /** Writes {@code value}; throws IllegalArgumentException when the result exceeds {@code maxBytes}. */
    public byte[] encode(Record value, int maxBytes) {
        byte[] bytes = binder.toJsonObject(value).toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(value.getClass().getSimpleName() + " is " + bytes.length
                    + " bytes, limit " + maxBytes);
        }
        return bytes;
    }

    private <T> Decoded<T> bind(JsonValue value, Class<T> type, int maxChars) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Decoded.rejected("$", "must be a JSON object");
        }
        Rejection problem = RecordSchema.of(type).check(value.asJsonObject(), maxChars);
        if (problem != null) {
            return Decoded.rejected(problem);
        }
        return binder.bind(value.asJsonObject(), type, "$");
    }
}
