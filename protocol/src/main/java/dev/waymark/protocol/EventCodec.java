package dev.waymark.protocol;

import dev.waymark.protocol.internal.StrictEventCodec;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The one strict codec for events, single (CloudEvents JSON structured mode) and batched (CloudEvents JSON batch
 * format: a JSON array of events). Decoding never throws on any input: it returns {@link Decoded.Accepted} or
 * {@link Decoded.Rejected} with a reason naming the field. Thread-safe; create one and reuse it.
 */
public final class EventCodec {

    private final StrictEventCodec codec;

    private EventCodec(StrictEventCodec codec) {
        this.codec = codec;
    }

    /** A codec with the limits of {@link Limits}. */
    public static EventCodec create() {
        return new EventCodec(new StrictEventCodec());
    }

    /** Reads, validates, upcasts and binds one event. */
    public Decoded<CloudEvent> decode(byte[] json) {
        return parse(json).flatMap(ParsedEvent::bind);
    }

    /** Reads a batch; all or nothing: the first bad event rejects it, its field prefixed {@code [index]}. */
    public Decoded<List<CloudEvent>> decodeBatch(byte[] json) {
        return parseBatch(json).flatMap(ParsedEvent::bindAll);
    }

    /** Reads and validates one event without binding {@code data}, for masking before binding. */
    public Decoded<ParsedEvent> parse(byte[] json) {
        return codec.parse(json);
    }

    /**
     * Validates one event that is already a JSON object, without binding {@code data}: for a host that built or read
     * the envelope itself and would otherwise write it out only to read it again. The byte limit is not checked
     * here — there are no bytes yet — but {@link #encode} enforces it.
     */
    public Decoded<ParsedEvent> parse(JsonObject event) {
        return codec.parse(Objects.requireNonNull(event, "event"));
    }

    /** Reads and validates a batch without binding, all or nothing. */
    public Decoded<List<ParsedEvent>> parseBatch(byte[] json) {
        return codec.parseBatch(json);
    }

    /** Writes one event as UTF-8 JSON; throws IllegalArgumentException over {@link Limits#MAX_EVENT_BYTES}. */
    public byte[] encode(CloudEvent event) {
        return codec.encode(event);
    }

    /**
     * Writes a batch as UTF-8 JSON; throws IllegalArgumentException when it exceeds {@link Limits#MAX_BATCH_BYTES}
     * or {@link Limits#MAX_BATCH_EVENTS}, or an event exceeds {@link Limits#MAX_EVENT_BYTES}.
     */
    public byte[] encodeBatch(List<CloudEvent> events) {
        return codec.encodeBatch(events);
    }
}
