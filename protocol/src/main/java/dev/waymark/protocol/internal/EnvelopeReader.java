package dev.waymark.protocol.internal;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCatalog;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.ParsedEvent;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Ulid;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a CloudEvents envelope read by JSON-P, attribute by attribute, and upcasts its data. */
final class EnvelopeReader {

    static final String WMSEQ = "wmseq";
    /** A schema version: 1 to 999,999,999. Compiled once: {@code String.matches} compiles on every call. */
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Set<String> ATTRIBUTES = Set.of("specversion", "id", "source", "type", "time",
            "datacontenttype", "dataschema", WMSEQ, "data");

    private final Binder binder;

    EnvelopeReader(Binder binder) {
        this.binder = binder;
    }

    Decoded<ParsedEvent> read(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Decoded.rejected("$", "an event must be a JSON object");
        }
        JsonObject event = value.asJsonObject();
        for (String key : event.keySet()) {
            if (!ATTRIBUTES.contains(key)) {
                return Decoded.rejected(key, "unknown attribute");
            }
        }
        Decoded<String> spec = string(event, "specversion", 10);
        if (!spec.isAccepted()) {
            return retype(spec);
        }
        if (!CloudEvent.SPEC_VERSION.equals(spec.orElseThrow())) {
            return Decoded.rejected("specversion", "must be \"1.0\"");
        }
        Decoded<String> id = string(event, "id", Limits.MAX_ID_CHARS);
        Decoded<Source> source = string(event, "source", Limits.MAX_URI_CHARS).flatMap(EnvelopeReader::source);
        Decoded<EventType> type = string(event, "type", Limits.MAX_TYPE_CHARS).flatMap(EnvelopeReader::type);
        Decoded<Instant> time = string(event, "time", Limits.MAX_URI_CHARS).flatMap(EnvelopeReader::time);
        for (Decoded<?> attribute : new Decoded<?>[] {id, source, type, time}) {
            if (!attribute.isAccepted()) {
                return retype(attribute);
            }
        }
        if (source.orElseThrow().isDevice() && !Ulid.isValid(id.orElseThrow())) {
            return Decoded.rejected("id", "must be a canonical ULID (26 upper-case Crockford base32) for a device");
        }
        JsonValue contentType = event.get("datacontenttype");
        // Not Json.createValue: every static Json.* call looks its provider up through ServiceLoader.
        if (contentType != null && !(contentType instanceof JsonString text
                && text.getString().equals(CloudEvent.DATA_CONTENT_TYPE))) {
            return Decoded.rejected("datacontenttype", "must be \"" + CloudEvent.DATA_CONTENT_TYPE + "\"");
        }
        Decoded<Integer> version = string(event, "dataschema", Limits.MAX_URI_CHARS)
                .flatMap(schema -> version(schema, type.orElseThrow()));
        Decoded<Long> sequence = sequence(event, source.orElseThrow());
        if (!version.isAccepted()) {
            return retype(version);
        }
        if (!sequence.isAccepted()) {
            return retype(sequence);
        }
        JsonValue data = event.get("data");
        if (data == null) {
            return Decoded.rejected("data", "is missing");
        }
        if (data.getValueType() != JsonValue.ValueType.OBJECT) {
            return Decoded.rejected("data", "must be a JSON object");
        }
        EventType eventType = type.orElseThrow();
        return Upcasts.toCurrent(eventType, version.orElseThrow(), data.asJsonObject())
                .map(current -> new ParsedEventImpl(binder, id.orElseThrow(), source.orElseThrow(), eventType,
                        time.orElseThrow(), sequence.orElseThrow(), version.orElseThrow(), current))
                .flatMap(ParsedEventImpl::checked);
    }

    private static Decoded<String> string(JsonObject event, String name, int maxChars) {
        JsonValue value = event.get(name);
        if (value == null) {
            return Decoded.rejected(name, "is missing");
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return Decoded.rejected(name, "must be a string");
        }
        String text = ((JsonString) value).getString();
        if (text.isEmpty()) {
            return Decoded.rejected(name, "must not be empty");
        }
        if (text.length() > maxChars) {
            return Decoded.rejected(name, "is longer than " + maxChars + " characters");
        }
        return Decoded.accepted(text);
    }

    private static Decoded<Source> source(String text) {
        try {
            return Decoded.accepted(Source.parse(text));
        } catch (IllegalArgumentException e) {
            return Decoded.rejected("source", e.getMessage());
        }
    }

    private static Decoded<EventType> type(String name) {
        Optional<EventType> type = EventCatalog.find(name);
        return type.<Decoded<EventType>>map(Decoded::accepted)
                .orElseGet(() -> Decoded.rejected("type", "unknown event type \"" + name + "\""));
    }

    private static Decoded<Instant> time(String text) {
        return Timestamps.parse(text).<Decoded<Instant>>map(Decoded::accepted)
                .orElseGet(() -> Decoded.rejected("time", "must be an RFC 3339 timestamp with offset"));
    }

    private static Decoded<Integer> version(String schema, EventType type) {
        String prefix = EventType.SCHEMA_PREFIX + type.name() + "/";
        if (!schema.startsWith(prefix) || !VERSION.matcher(schema.substring(prefix.length())).matches()) {
            return Decoded.rejected("dataschema", "must be " + prefix + "{version}");
        }
        int version = Integer.parseInt(schema.substring(prefix.length()));
        if (version > type.schemaVersion()) {
            return Decoded.rejected("dataschema", "version " + version + " of " + type.name()
                    + " is newer than this build knows (up to " + type.schemaVersion() + ")");
        }
        return Decoded.accepted(version);
    }

    private static Decoded<Long> sequence(JsonObject event, Source source) {
        JsonValue value = event.get(WMSEQ);
        if (value == null) {
            return source.isDevice() ? Decoded.rejected(WMSEQ, "is missing") : Decoded.accepted(0L);
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            return Decoded.rejected(WMSEQ, "must be an integer");
        }
        long sequence;
        try {
            sequence = ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            return Decoded.rejected(WMSEQ, "is out of range");
        }
        if (sequence < 0) {
            return Decoded.rejected(WMSEQ, "must not be negative");
        }
        if (!source.isDevice() && sequence != 0) {
            return Decoded.rejected(WMSEQ, "must be 0 for a web/app source");
        }
        return Decoded.accepted(sequence);
    }

    @SuppressWarnings("unchecked")
    private static <T> Decoded<T> retype(Decoded<?> rejected) {
        return (Decoded<T>) rejected;
    }
}
