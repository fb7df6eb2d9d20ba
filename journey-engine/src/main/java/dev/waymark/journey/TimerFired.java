package dev.waymark.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * The host's notice that a timer it was asked to set is due.
 *
 * @param timerId the id from {@link TimerCommand.Set}
 * @param at the time it fired on the host's clock; the engine takes this as "now" and ignores a firing earlier
 *     than the timer's due time
 */
public record TimerFired(String timerId, Instant at) {

    public TimerFired {
        Objects.requireNonNull(timerId, "timerId");
        Objects.requireNonNull(at, "at");
    }
}
