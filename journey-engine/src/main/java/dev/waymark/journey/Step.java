package dev.waymark.journey;

import java.util.List;
import java.util.Objects;

/**
 * The result of applying one event or timer: the new context, the intents detected, and the timer commands
 * for the host, in the order the host should apply them.
 */
public record Step(JourneyContext state, List<Intent> intents, List<TimerCommand> timers) {

    public Step {
        Objects.requireNonNull(state, "state");
        intents = List.copyOf(intents);
        timers = List.copyOf(timers);
    }

    /** A step that changes nothing. */
    public static Step unchanged(JourneyContext state) {
        return new Step(state, List.of(), List.of());
    }
}
