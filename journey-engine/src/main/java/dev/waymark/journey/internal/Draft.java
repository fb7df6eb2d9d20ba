package dev.waymark.journey.internal;

import dev.waymark.journey.CartLine;
import dev.waymark.protocol.Channel;
import dev.waymark.journey.ChannelSession;
import dev.waymark.journey.Intent;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyStage;
import dev.waymark.journey.PendingTimer;
import dev.waymark.journey.RecentActivity;
import dev.waymark.journey.ServiceJourney;
import dev.waymark.journey.SourcePosition;
import dev.waymark.journey.Step;
import dev.waymark.journey.TimerCommand;
import dev.waymark.journey.WindowedCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable working copy of a context while one event or timer is applied, with the intents and timer
 * commands produced so far. It never escapes one call of the engine.
 */
final class Draft {

    final JourneyContext before;
    JourneyStage stage;
    Instant asOf;
    final Map<Channel, ChannelSession> sessions;
    final List<ServiceJourney> serviceJourneys;
    final List<RecentActivity> recent;
    final List<CartLine> cart;
    WindowedCounters counters;
    String lastIntent;
    final Map<String, PendingTimer> timers;
    final Map<String, Instant> lastFired;
    final List<SourcePosition> sources;
    final List<String> webEventIds;
    private final int maxTimers;
    private final List<Intent> intents = new ArrayList<>();
    private final List<TimerCommand> commands = new ArrayList<>();

    Draft(JourneyContext c, int maxTimers) {
        before = c;
        stage = c.stage();
        asOf = c.asOf();
        sessions = new EnumMap<>(Channel.class);
        sessions.putAll(c.sessions());
        serviceJourneys = new ArrayList<>(c.serviceJourneys());
        recent = new ArrayList<>(c.recent());
        cart = new ArrayList<>(c.cart());
        counters = c.counters();
        lastIntent = c.lastIntent();
        timers = new TreeMap<>(c.pendingTimers());
        lastFired = new TreeMap<>(c.lastFired());
        sources = new ArrayList<>(c.sources());
        webEventIds = new ArrayList<>(c.webEventIds());
        this.maxTimers = maxTimers;
    }

    String profileKey() {
        return before.profileKey();
    }

    void advanceTo(Instant at) {
        if (at.isAfter(asOf)) {
            asOf = at;
        }
    }

    void emit(String pattern, Instant at, String sourceEventId, Map<String, Object> attributes) {
        intents.add(new Intent(pattern, profileKey(), at, sourceEventId, attributes));
        lastIntent = pattern;
    }

    /** Sets or moves a timer; beyond the limit the timer due first is cancelled, so state stays bounded. */
    void setTimer(PendingTimer timer) {
        timers.put(timer.timerId(), timer);
        commands.add(new TimerCommand.Set(timer.timerId(), timer.dueAt()));
        while (timers.size() > maxTimers) {
            PendingTimer first = timers.values().stream()
                    .filter(t -> !t.timerId().equals(timer.timerId()))
                    .min(Comparator.comparing(PendingTimer::dueAt).thenComparing(PendingTimer::timerId))
                    .orElseThrow();
            cancelTimer(first.timerId());
        }
    }

    void cancelTimer(String timerId) {
        if (timers.remove(timerId) != null) {
            commands.add(new TimerCommand.Cancel(timerId));
        }
    }

    /** Forgets a timer that fired; the host needs no command for it. */
    void fired(String timerId) {
        timers.remove(timerId);
    }

    JourneyContext build() {
        return new JourneyContext(before.profileKey(), stage, asOf, sessions, serviceJourneys, recent, cart, counters,
                lastIntent, timers, lastFired, sources, webEventIds);
    }

    Step step() {
        return new Step(build(), intents, commands);
    }
}
