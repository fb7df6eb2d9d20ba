package dev.waymark.protocol.internal;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.ParsedEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.Source;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/** A validated envelope with unbound, current-version data. Immutable. */
record ParsedEventImpl(Binder binder, String id, Source source, EventType type, Instant time, long sequence,
                       int receivedSchemaVersion, JsonObject data) implements ParsedEvent {

    /** This event, or a rejection naming the first field of {@code data} that does not fit the type. */
    Decoded<ParsedEvent> checked() {
        Rejection problem = RecordSchema.of(type.payloadClass()).check(data, Limits.MAX_STRING_CHARS);
        return problem == null ? Decoded.accepted(this) : Decoded.rejected(problem.under("data"));
    }

    @Override
    public ParsedEvent withData(JsonObject newData) {
        return new ParsedEventImpl(binder, id, source, type, time, sequence, receivedSchemaVersion,
                Objects.requireNonNull(newData, "data"));
    }

    @Override
    public Decoded<CloudEvent> bind() {
        return checked()
                .flatMap(ok -> binder.bind(data, type.payloadClass(), "data"))
                .flatMap(this::envelope);
    }

    private Decoded<CloudEvent> envelope(Payload payload) {
        try {
            return Decoded.accepted(new CloudEvent(id, source.format(), type.name(), time, sequence,
                    type.dataschema(), payload));
        } catch (IllegalArgumentException e) {
            return Decoded.rejected(Binder.rejection(e, "$"));
        }
    }

    @Override
    public String toString() {
        return "ParsedEvent[" + type.name() + " " + source + " " + id + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedEventImpl that && id.equals(that.id) && source.equals(that.source)
                && type.equals(that.type) && time.equals(that.time) && sequence == that.sequence
                && receivedSchemaVersion == that.receivedSchemaVersion && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source, type, time, sequence, receivedSchemaVersion, data);
    }
}
