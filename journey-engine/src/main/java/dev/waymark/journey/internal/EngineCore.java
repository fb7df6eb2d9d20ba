package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import dev.waymark.journey.ActivityMapping;
import dev.waymark.journey.ChannelSession;
import dev.waymark.journey.IntentPattern;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneySettings;
import dev.waymark.journey.PendingTimer;
import dev.waymark.journey.SourcePosition;
import dev.waymark.journey.Step;
import dev.waymark.journey.TimerFired;
import dev.waymark.protocol.CloudEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The implementation behind {@code JourneyEngine}: replay check, session, context update, then patterns. */
public final class EngineCore {

    private final ActivityMapping mapping;
    private final Map<String, PatternRule> rules = new LinkedHashMap<>();
    private final JourneySettings settings;
    private final Duration counterHorizon;

    public EngineCore(ActivityMapping mapping, List<IntentPattern> patterns, JourneySettings settings) {
        this.mapping = mapping;
        this.settings = settings;
        long longest = JourneyContext.FACTS_WINDOW.toMinutes();
        for (IntentPattern p : patterns) {
            rules.put(p.name(), PatternRule.of(p));
            if (p instanceof IntentPattern.FeatureExploration f) {
                longest = Math.max(longest, f.windowMinutes());
            } else if (p instanceof IntentPattern.RepeatedSearchWithoutResult r) {
                longest = Math.max(longest, r.windowMinutes());
            }
        }
        this.counterHorizon = Duration.ofMinutes(longest);
    }

    public Step onEvent(JourneyContext context, CloudEvent event) {
        if (isReplay(context, event)) {
            return Step.unchanged(context);
        }
        Draft d = new Draft(context, settings.pendingTimers());
        remember(d, event);
        d.advanceTo(event.time());
        Optional<Activity> activity = mapping.map(event);
        if (activity.isEmpty()) {
            return d.step();
        }
        EventFacts facts = EventFacts.of(event);
        ChannelSession session = Sessions.touch(d, activity.get(), facts, event.id(), event.time(),
                settings.sessionGap());
        Occurrence o = new Occurrence(activity.get(), event.id(), event.time(), session, facts);
        ContextUpdate.apply(d, o, settings, counterHorizon);
        for (PatternRule rule : rules.values()) {
            rule.onActivity(d, o);
        }
        if (activity.get() == Activity.SESSION_END) {
            Sessions.end(d, facts.channel(), session);
        }
        return d.step();
    }

    public Step onTimer(JourneyContext context, TimerFired fired) {
        PendingTimer timer = context.pendingTimers().get(fired.timerId());
        if (timer == null || fired.at().isBefore(timer.dueAt())) {
            return Step.unchanged(context);
        }
        Draft d = new Draft(context, settings.pendingTimers());
        d.fired(timer.timerId());
        d.advanceTo(fired.at());
        PatternRule rule = rules.get(timer.pattern());
        if (rule != null) {
            rule.onTimer(d, timer, fired.at());
        }
        return d.step();
    }

    /**
     * Device events carry a per-device sequence: one at or below the last applied for its source is a replay.
     * Web/app events all have sequence 0, so for them the recent event ids decide.
     */
    private static boolean isReplay(JourneyContext c, CloudEvent e) {
        if (e.parsedSource().isDevice()) {
            return c.sources().stream().anyMatch(p -> p.source().equals(e.source()) && e.sequence() <= p.sequence());
        }
        return c.webEventIds().contains(webKey(e));
    }

    private void remember(Draft d, CloudEvent e) {
        if (e.parsedSource().isDevice()) {
            d.sources.removeIf(p -> p.source().equals(e.source()));
            d.sources.add(new SourcePosition(e.source(), e.sequence(), e.id(), e.time()));
            while (d.sources.size() > settings.sources()) {
                d.sources.remove(0);
            }
        } else {
            d.webEventIds.add(webKey(e));
            while (d.webEventIds.size() > settings.webEventIds()) {
                d.webEventIds.remove(0);
            }
        }
    }

    private static String webKey(CloudEvent e) {
        return e.source() + " " + e.id();
    }
}
