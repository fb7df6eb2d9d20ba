package dev.waymark.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * What the engine asks of the host's timer wheel. Ids are deterministic, so a {@link Set} for an id that is
 * already set replaces its due time, and replaying the same events produces the same commands.
 */
public sealed interface TimerCommand permits TimerCommand.Set, TimerCommand.Cancel {

    /** The timer's id. */
    String timerId();

    /** Set (or move) the timer; deliver {@link TimerFired} at {@code dueAt}. */
    record Set(String timerId, Instant dueAt) implements TimerCommand {
        public Set {
            Objects.requireNonNull(timerId, "timerId");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** Cancel the timer; a no-op if it is not set. */
    record Cancel(String timerId) implements TimerCommand {
        public Cancel {
            Objects.requireNonNull(timerId, "timerId");
        }
    }
}
