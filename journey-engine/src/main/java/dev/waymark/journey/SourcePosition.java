package dev.waymark.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * The last applied position of one event source, used to drop replays: for a device source the sequence
 * number; for a web/app source (whose sequence is always 0) the event id.
 *
 * @param source the CloudEvents source
 * @param sequence the highest applied sequence number (0 for web/app)
 * @param eventId the id of the last applied event
 * @param at its event time
 */
public record SourcePosition(String source, long sequence, String eventId, Instant at) {

    public SourcePosition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }
}
