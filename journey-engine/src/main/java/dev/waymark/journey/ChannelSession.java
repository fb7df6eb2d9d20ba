package dev.waymark.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * The current session on one channel.
 *
 * @param id the session id the device sent, or for a session the engine opened itself (web, app), the id of
 *     the session's first event
 * @param started time of the session's first event
 * @param lastActivity time of its latest event
 * @param activities activities applied in this session, the session start included
 * @param explicit true when the device opened it with a session start; such a session ends only with a session
 *     end, while an implicit one ends after {@link JourneySettings#sessionGap()} of inactivity
 */
public record ChannelSession(String id, Instant started, Instant lastActivity, long activities,
        boolean explicit) {

    public ChannelSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(lastActivity, "lastActivity");
        if (activities < 0) {
            throw new IllegalArgumentException("activities: must be >= 0");
        }
    }
}
