package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Limits;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Strict reading of a request body: UTF-8 only (malformed bytes refused, not replaced), one JSON object, duplicate
 * keys refused, nesting bounded. The bound leaves room for a batch's two outer levels above the protocol's own
 * depth limit; a call nested deeper than its event may be is refused when the event is re-read. Thread-safe.
 */
final class RequestJson {

    /** A batch body is an object holding an array of calls: two levels above each call. */
    private static final int MAX_DEPTH = Limits.MAX_JSON_DEPTH + 2;

    private final JsonReaderFactory readers = JsonProvider.provider().createReaderFactory(Map.of(
            "org.eclipse.parsson.rejectDuplicateKeys", true,
            "org.eclipse.parsson.maxDepth", MAX_DEPTH));

    /** The body as a JSON object, or a refusal of {@code $} saying what is wrong (never the body's content). */
    Decoded<JsonObject> read(byte[] body) {
        if (body.length == 0) {
            return Decoded.rejected("$", "the body is empty; expected a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Decoded.rejected("$", "the body is not valid UTF-8");
        }
        JsonValue value;
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // Parsson signals depth and number limits with plain runtime exceptions, not only JsonException.
            return Decoded.rejected("$", "malformed JSON: " + shortMessage(e));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Decoded.rejected("$", "the body must be a JSON object");
        }
        return Decoded.accepted(value.asJsonObject());
    }

    private static String shortMessage(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
