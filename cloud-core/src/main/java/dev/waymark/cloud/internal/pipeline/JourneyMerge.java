package dev.waymark.cloud.internal.pipeline;

import dev.waymark.journey.ChannelSession;
import dev.waymark.journey.IntentPattern;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneySettings;
import dev.waymark.journey.RecentActivity;
import dev.waymark.journey.ServiceJourney;
import dev.waymark.journey.SourcePosition;
import dev.waymark.journey.WindowedCounters;
import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The journey of two merged profiles. The more recently active context decides what belongs to the moment — stage,
 * cart, pending timers, latest intent (a shopper's live kiosk session matters more than an older web visit); the
 * history of both is kept: sessions on channels the survivor has none on, recent activities, open service
 * journeys, windowed counts, pattern marks, device positions and web event ids, each within the engine's bounds.
 * So a customer who browsed on the web and then scans a loyalty card at a kiosk has one journey on both channels.
 */
final class JourneyMerge {

    /** The engine's bound on pattern marks ({@code lastFired}). */
    private static final int MAX_MARKS = 64;

    private JourneyMerge() {
    }

    /** The context that decides the moment: {@code merged} when it was active later, else {@code into}. */
    static JourneyContext survivor(JourneyContext into, JourneyContext merged) {
        return merged.asOf().isAfter(into.asOf()) ? merged : into;
    }

    /** One context under {@code profileId}: the {@code survivor}'s moment with the history of both. */
    static JourneyContext of(JourneyContext survivor, JourneyContext other, String profileId,
            JourneySettings settings) {
        Map<Channel, ChannelSession> sessions = new EnumMap<>(Channel.class);
        sessions.putAll(other.sessions());
        sessions.putAll(survivor.sessions());
        return new JourneyContext(profileId, survivor.stage(), survivor.asOf(), sessions,
                serviceJourneys(survivor, other, settings.serviceJourneys()),
                recent(survivor, other, settings.recentActivities()), survivor.cart(),
                counters(survivor, other, settings.counterKeys()), survivor.lastIntent(), survivor.pendingTimers(),
                lastFired(survivor, other), sources(survivor, other, settings.sources()),
                webEventIds(survivor, other, settings.webEventIds()));
    }

    private static List<ServiceJourney> serviceJourneys(JourneyContext survivor, JourneyContext other, int max) {
        Map<String, ServiceJourney> byId = new LinkedHashMap<>();
        other.serviceJourneys().forEach(j -> byId.put(j.id(), j));
        survivor.serviceJourneys().forEach(j -> byId.put(j.id(), j));
        List<ServiceJourney> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(ServiceJourney::openedAt).thenComparing(ServiceJourney::id));
        return newest(all, max);
    }

    private static List<RecentActivity> recent(JourneyContext survivor, JourneyContext other, int max) {
        Map<String, RecentActivity> byEvent = new LinkedHashMap<>();
        other.recent().forEach(r -> byEvent.put(r.eventId() + "/" + r.activity(), r));
        survivor.recent().forEach(r -> byEvent.put(r.eventId() + "/" + r.activity(), r));
        List<RecentActivity> all = new ArrayList<>(byEvent.values());
        all.sort(Comparator.comparing(RecentActivity::at));
        return newest(all, max);
    }

    private static WindowedCounters counters(JourneyContext survivor, JourneyContext other, int maxKeys) {
        Map<String, List<Instant>> times = new TreeMap<>();
        for (JourneyContext c : List.of(other, survivor)) {
            c.counters().asMap().forEach((key, list) -> times.computeIfAbsent(key, k -> new ArrayList<>())
                    .addAll(list));
        }
        times.replaceAll((key, list) -> {
            List<Instant> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.naturalOrder());
            return newest(sorted, IntentPattern.MAX_THRESHOLD);
        });
        while (times.size() > maxKeys) {
            String stalest = times.entrySet().stream().min(Comparator.comparing(
                    (Map.Entry<String, List<Instant>> e) -> e.getValue().get(e.getValue().size() - 1))
                    .thenComparing(Map.Entry::getKey)).orElseThrow().getKey();
            times.remove(stalest);
        }
        return WindowedCounters.of(times);
    }

    private static Map<String, Instant> lastFired(JourneyContext survivor, JourneyContext other) {
        Map<String, Instant> marks = new TreeMap<>(other.lastFired());
        survivor.lastFired().forEach((key, at) -> marks.merge(key, at, (x, y) -> x.isAfter(y) ? x : y));
        while (marks.size() > MAX_MARKS) {
            marks.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> marks.remove(e.getKey()));
        }
        return marks;
    }

    private static List<SourcePosition> sources(JourneyContext survivor, JourneyContext other, int max) {
        Map<String, SourcePosition> bySource = new LinkedHashMap<>();
        for (JourneyContext c : List.of(other, survivor)) {
            c.sources().forEach(p -> bySource.merge(p.source(), p, (x, y) -> x.sequence() >= y.sequence() ? x : y));
        }
        List<SourcePosition> all = new ArrayList<>(bySource.values());
        all.sort(Comparator.comparing(SourcePosition::at));
        return newest(all, max);
    }

    private static List<String> webEventIds(JourneyContext survivor, JourneyContext other, int max) {
        Set<String> ids = new LinkedHashSet<>(other.webEventIds());
        ids.addAll(survivor.webEventIds());
        return newest(new ArrayList<>(ids), max);
    }

    private static <T> List<T> newest(List<T> oldestFirst, int max) {
        return List.copyOf(oldestFirst.subList(Math.max(0, oldestFirst.size() - max), oldestFirst.size()));
    }
}
