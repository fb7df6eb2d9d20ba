package dev.waymark.journey;

import dev.waymark.journey.internal.EngineCore;
import dev.waymark.protocol.CloudEvent;
import java.util.Objects;

/**
 * Detects intents incrementally: {@code (state, event) -> (state', intents, timers)} and
 * {@code (state, timer) -> ...}. Pure and deterministic: no clock, threads or I/O. Time comes from the events
 * ({@link CloudEvent#time()}) and from {@link TimerFired#at()}; the host owns the clock and the timer wheel and
 * applies the {@link TimerCommand}s of each {@link Step}. Stateless and thread-safe; one instance serves every
 * profile.
 *
 * <p><b>Order and replays.</b> For a device source, events must be applied in sequence order: an event whose
 * {@link CloudEvent#sequence()} is at or below the last applied one for its source is ignored, so replaying a
 * device's buffer after a reconnect changes nothing. Web/app events all have sequence 0; for them an event whose
 * source and id are among the last {@link JourneySettings#webEventIds()} applied is ignored. An ignored event
 * returns the same state, no intents and no timer commands. The context keeps the last position of the
 * {@link JourneySettings#sources()} most recent device sources; a source evicted from that list starts afresh.
 *
 * <p><b>Timers.</b> Timer ids are {@code pattern/profileKey/sessionId}, so a later {@link TimerCommand.Set} for
 * the same id replaces the earlier one. A {@link TimerFired} for a timer the context no longer holds (cancelled,
 * already fired, or replayed), or earlier than its due time, is ignored.
 */
public final class JourneyEngine {

    private final ActivityMapping mapping;
    private final IntentPatterns patterns;
    private final JourneySettings settings;
    private final EngineCore core;

    private JourneyEngine(ActivityMapping mapping, IntentPatterns patterns, JourneySettings settings) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.core = new EngineCore(mapping, patterns.all(), settings);
    }

    /** An engine with {@link JourneySettings#defaults()}. */
    public static JourneyEngine of(ActivityMapping mapping, IntentPatterns patterns) {
        return new JourneyEngine(mapping, patterns, JourneySettings.defaults());
    }

    /** An engine with explicit limits. */
    public static JourneyEngine of(ActivityMapping mapping, IntentPatterns patterns, JourneySettings settings) {
        return new JourneyEngine(mapping, patterns, settings);
    }

    /** The shipped mapping and patterns with default settings. */
    public static JourneyEngine defaults() {
        return of(ActivityMapping.defaults(), IntentPatterns.defaults());
    }

    /** Applies one event to the profile's context. */
    public Step onEvent(JourneyContext state, CloudEvent event) {
        return core.onEvent(Objects.requireNonNull(state, "state"), Objects.requireNonNull(event, "event"));
    }

    /** Applies a fired timer to the profile's context. */
    public Step onTimer(JourneyContext state, TimerFired timer) {
        return core.onTimer(Objects.requireNonNull(state, "state"), Objects.requireNonNull(timer, "timer"));
    }

    /** The mapping in use. */
    public ActivityMapping mapping() {
        return mapping;
    }

    /** The patterns in use. */
    public IntentPatterns patterns() {
        return patterns;
    }

    /** The limits in use. */
    public JourneySettings settings() {
        return settings;
    }
}
