package dev.waymark.protocol.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Limits;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Strict reading of untrusted bytes with JSON-P (Parsson): UTF-8 only (malformed bytes are refused, not replaced),
 * duplicate keys refused, nesting bounded by {@link Limits#MAX_JSON_DEPTH}. Thread-safe.
 */
public final class JsonInput {

    private static final Map<String, Object> CONFIG = Map.of(
            "org.eclipse.parsson.rejectDuplicateKeys", true,
            "org.eclipse.parsson.maxDepth", Limits.MAX_JSON_DEPTH);

    private final JsonReaderFactory readers = Json.createReaderFactory(CONFIG);
    private final JsonParserFactory parsers = Json.createParserFactory(CONFIG);

    /** The text of {@code bytes}, or a rejection of {@code $} when they are not UTF-8. */
    public static Decoded<String> utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Decoded.accepted(chars.toString());
        } catch (CharacterCodingException e) {
            return Decoded.rejected("$", "is not valid UTF-8");
        }
    }

    /** One JSON value spanning the whole text, or a rejection of {@code $} saying where it is malformed. */
    public Decoded<JsonValue> read(String text) {
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            return Decoded.accepted(reader.readValue());
        } catch (RuntimeException e) {
            // Parsson signals nesting and number limits with plain runtime exceptions, not JsonException.
            return Decoded.rejected("$", "malformed JSON: " + describe(e));
        }
    }

    /** A streaming parser over {@code text}, for reading a batch element by element. */
    public JsonParser parser(String text) {
        return parsers.createParser(new StringReader(text));
    }

    /** A short description of a JSON-P failure, without the exception class. */
    static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
