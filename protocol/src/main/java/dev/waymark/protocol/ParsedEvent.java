package dev.waymark.protocol;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * An event whose envelope is validated and whose {@code data} is checked against its type and upcast to the
 * current schema version, but not yet bound to a record: the step where {@code consent-pii} masks personal fields
 * (by {@link EventType#personalFields()}) before anything typed exists. Immutable; get one from
 * {@link EventCodec#parse(byte[])}.
 */
public interface ParsedEvent {

    /** The validated {@code id}. */
    String id();

    /** The validated {@code source}. */
    Source source();

    /** The catalog entry of {@code type}. */
    EventType type();

    /** The capture time. */
    Instant time();

    /** The {@code wmseq} extension, 0 when absent (web/app). */
    long sequence();

    /** The schema version the sender wrote; {@link #data()} is already upcast to {@code type().schemaVersion()}. */
    int receivedSchemaVersion();

    /** The payload as JSON, in the current schema version. */
    JsonObject data();

    /** The same envelope with other data (e.g. masked); validated again by {@link #bind()}. */
    ParsedEvent withData(JsonObject data);

    /** Validates {@link #data()} against the type and binds it to the payload record. Never throws. */
    Decoded<CloudEvent> bind();

    /** Binds every event of a parsed batch; the first rejection, prefixed {@code [index]}, rejects the batch. */
    static Decoded<List<CloudEvent>> bindAll(List<ParsedEvent> events) {
        CloudEvent[] out = new CloudEvent[events.size()];
        for (int i = 0; i < out.length; i++) {
            Decoded<CloudEvent> bound = events.get(i).bind();
            if (bound instanceof Decoded.Rejected<CloudEvent> r) {
                return Decoded.rejected(r.rejection().under("[" + i + "]"));
            }
            out[i] = bound.orElseThrow();
        }
        return Decoded.accepted(List.of(out));
    }
}
