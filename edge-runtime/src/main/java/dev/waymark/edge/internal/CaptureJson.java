package dev.waymark.edge.internal;

import dev.waymark.protocol.Decoded;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads what the kiosk UI sends: strict UTF-8, one JSON value, duplicate keys refused. Never throws. */
final class CaptureJson {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private CaptureJson() {
    }

    static Decoded<JsonValue> read(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return Decoded.rejected("$", "is not valid UTF-8");
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            return Decoded.accepted(reader.readValue());
        } catch (JsonException | IllegalStateException e) {
            return Decoded.rejected("$", "malformed JSON");
        }
    }
}
