package dev.waymark.protocol.internal;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.ParsedEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The implementation behind {@code EventCodec}: sizes first, then strict JSON-P reading, envelope and data
 * validation, upcasting; binding happens later in {@link ParsedEventImpl#bind()}. Thread-safe.
 */
public final class StrictEventCodec {

    private final JsonInput input = new JsonInput();
    private final Binder binder = new Binder();
    private final EnvelopeReader envelopes = new EnvelopeReader(binder);
    private final JsonGeneratorFactory generators = Json.createGeneratorFactory(Map.of());

    /** Reads and validates one event; never throws on input. */
    public Decoded<ParsedEvent> parse(byte[] json) {
        try {
            if (json.length > Limits.MAX_EVENT_BYTES) {
                return Decoded.rejected("$", "event is " + json.length + " bytes, limit " + Limits.MAX_EVENT_BYTES);
            }
            return JsonInput.utf8(json).flatMap(input::read).flatMap(envelopes::read);
        } catch (RuntimeException e) {
            // A defect, not an input problem; still a rejection, because a bad event must never stop a consumer.
            return Decoded.rejected("$", "cannot be read: " + JsonInput.describe(e));
        }
    }

    /** Validates one event already read as JSON (its size is checked when it is encoded); never throws on input. */
    public Decoded<ParsedEvent> parse(JsonObject event) {
        try {
            return envelopes.read(event);
        } catch (RuntimeException e) {
            return Decoded.rejected("$", "cannot be read: " + JsonInput.describe(e));
        }
    }

    /** Reads and validates a batch, all or nothing; never throws on input. */
    public Decoded<List<ParsedEvent>> parseBatch(byte[] json) {
        try {
            if (json.length > Limits.MAX_BATCH_BYTES) {
                return Decoded.rejected("$", "batch is " + json.length + " bytes, limit " + Limits.MAX_BATCH_BYTES);
            }
            return JsonInput.utf8(json).flatMap(this::batch);
        } catch (RuntimeException e) {
            return Decoded.rejected("$", "cannot be read: " + JsonInput.describe(e));
        }
    }

    private Decoded<List<ParsedEvent>> batch(String text) {
        List<ParsedEvent> events = new ArrayList<>();
        try (JsonParser parser = input.parser(text)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
                return Decoded.rejected("$", "a batch must be a JSON array");
            }
            for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                String at = "[" + events.size() + "]";
                if (events.size() == Limits.MAX_BATCH_EVENTS) {
                    return Decoded.rejected("$", "batch has more than " + Limits.MAX_BATCH_EVENTS + " events");
                }
                if (next != JsonParser.Event.START_OBJECT) {
                    return Decoded.rejected(at, "an event must be a JSON object");
                }
                long start = parser.getLocation().getStreamOffset() - 1;
                JsonObject object = parser.getObject();
                int bytes = Utf8.length(text, (int) start, (int) parser.getLocation().getStreamOffset());
                if (bytes > Limits.MAX_EVENT_BYTES) {
                    return Decoded.rejected(at, "event is " + bytes + " bytes, limit " + Limits.MAX_EVENT_BYTES);
                }
                Decoded<ParsedEvent> event = envelopes.read(object);
                if (!event.isAccepted()) {
                    return Decoded.rejected(event.rejectionIfAny().orElseThrow().under(at));
                }
                events.add(event.orElseThrow());
            }
            if (parser.hasNext()) {
                return Decoded.rejected("$", "malformed JSON: content after the batch");
            }
        } catch (RuntimeException e) {
            return Decoded.rejected("$", "malformed JSON: " + JsonInput.describe(e));
        }
        return Decoded.accepted(List.copyOf(events));
    }

    /** One event as UTF-8 JSON; throws IllegalArgumentException when it is over the event limit. */
    public byte[] encode(CloudEvent event) {
        // A writer, not a stream: over a stream Parsson wraps an OutputStreamWriter with an 8 KB buffer per event.
        StringWriter out = new StringWriter(512);
        try (JsonGenerator generator = generators.createGenerator(out)) {
            write(event, generator);
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Limits.MAX_EVENT_BYTES) {
            throw new IllegalArgumentException("event is " + bytes.length + " bytes, limit " + Limits.MAX_EVENT_BYTES);
        }
        return bytes;
    }

    /** A batch as UTF-8 JSON; throws IllegalArgumentException when it or one of its events is over a limit. */
    public byte[] encodeBatch(List<CloudEvent> events) {
        if (events.size() > Limits.MAX_BATCH_EVENTS) {
            throw new IllegalArgumentException("batch has " + events.size() + " events, limit "
                    + Limits.MAX_BATCH_EVENTS);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * Math.max(1, events.size()));
        out.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(encode(events.get(i)));
        }
        out.write(']');
        if (out.size() > Limits.MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("batch is " + out.size() + " bytes, limit " + Limits.MAX_BATCH_BYTES);
        }
        return out.toByteArray();
    }

    private void write(CloudEvent event, JsonGenerator generator) {
        generator.writeStartObject()
                .write("specversion", CloudEvent.SPEC_VERSION)
                .write("id", event.id())
                .write("source", event.source())
                .write("type", event.type())
                .write("time", Timestamps.format(event.time()))
                .write("datacontenttype", CloudEvent.DATA_CONTENT_TYPE)
                .write("dataschema", event.dataschema())
                .write(EnvelopeReader.WMSEQ, event.sequence())
                .writeKey("data");
        binder.write(event.data(), generator);
        generator.writeEnd();
    }
}
