package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * A timer the engine asked the host to set and has not seen fire or cancelled yet. Kept in the context so a
 * late or replayed {@link TimerFired} for a cancelled timer is recognised and ignored.
 *
 * @param timerId {@code pattern + "/" + profileKey + "/" + sessionId}
 * @param pattern the pattern's name
 * @param channel the channel of the session
 * @param sessionId the session
 * @param dueAt when it fires
 * @param sourceEventId the event that (last) set it
 */
public record PendingTimer(String timerId, String pattern, Channel channel, String sessionId, Instant dueAt,
        String sourceEventId) {

    public PendingTimer {
        Objects.requireNonNull(timerId, "timerId");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
    }

    /** The deterministic timer id for a pattern, profile and session. */
    public static String idFor(String pattern, String profileKey, String sessionId) {
        return pattern + "/" + profileKey + "/" + sessionId;
    }
}
