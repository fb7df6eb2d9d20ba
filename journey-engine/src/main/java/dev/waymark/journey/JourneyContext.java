package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import dev.waymark.journey.internal.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The immutable journey state of one profile. Only {@link JourneyEngine} produces new states; every collection
 * is bounded by {@link JourneySettings}, so a context stays small whatever a profile does.
 *
 * @param profileKey the profile (or anonymous session) the context belongs to
 * @param stage the purchase-journey stage
 * @param asOf the latest event or timer time applied ({@link Instant#EPOCH} when empty); the windowed facts
 *     are computed at this time, since the engine has no clock of its own
 * @param sessions the current session per channel
 * @param serviceJourneys open service journeys, oldest first
 * @param recent recent activities, oldest first
 * @param cart cart lines in the order first added
 * @param counters windowed counters: {@code "view:<category>"} per product view, {@code "search_no_result"}
 * @param lastIntent name of the latest intent detected, {@code ""} before the first
 * @param pendingTimers timers set and not yet fired or cancelled, by id
 * @param lastFired when each pattern last fired per key ({@code "feature_exploration/shoes"}), for
 *     once-per-window patterns
 * @param sources the last applied position per source, least recent first, to drop replays
 * @param webEventIds {@code source + " " + id} of recent web/app events, oldest first, to drop duplicates
 */
public record JourneyContext(String profileKey, JourneyStage stage, Instant asOf, Map<Channel, ChannelSession> sessions,
        List<ServiceJourney> serviceJourneys, List<RecentActivity> recent, List<CartLine> cart,
        WindowedCounters counters, String lastIntent, Map<String, PendingTimer> pendingTimers,
        Map<String, Instant> lastFired, List<SourcePosition> sources, List<String> webEventIds) {

    /** Window of the windowed facts ({@code viewsByCategory}, {@code noResultSearches}). */
    public static final Duration FACTS_WINDOW = Duration.ofMinutes(30);

    /** Copies every collection; throws NullPointerException naming a missing component. */
    public JourneyContext {
        Objects.requireNonNull(profileKey, "profileKey");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(asOf, "asOf");
        sessions = sessionsByChannel(sessions);
        serviceJourneys = List.copyOf(serviceJourneys);
        recent = List.copyOf(recent);
        cart = List.copyOf(cart);
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(lastIntent, "lastIntent");
        pendingTimers = sorted(pendingTimers);
        lastFired = sorted(lastFired);
        sources = List.copyOf(sources);
        webEventIds = List.copyOf(webEventIds);
    }

    /**
     * The context of a profile nothing is known about yet: stage awareness, no sessions, empty cart.
     *
     * @throws IllegalArgumentException when {@code profileKey} is blank
     */
    public static JourneyContext empty(String profileKey) {
        if (Objects.requireNonNull(profileKey, "profileKey").isBlank()) {
            throw new IllegalArgumentException("profileKey: must not be blank");
        }
        return new JourneyContext(profileKey, JourneyStage.AWARENESS, Instant.EPOCH, Map.of(), List.of(),
                List.of(), List.of(), WindowedCounters.empty(), "", Map.of(), Map.of(), List.of(), List.of());
    }

    /**
     * The view of this context that CEL rules see as the {@code journey} variable. Keys and CEL types:
     * <ul>
     * <li>{@code stage} (string): lower-case stage name, {@code "awareness"} .. {@code "loyalty"}</li>
     * <li>{@code cartItems} (int, a Java Long): units in the cart</li>
     * <li>{@code cartValue} (int, Long): cart value in minor units</li>
     * <li>{@code cartCategories} (list(string)): distinct categories in the cart, sorted</li>
     * <li>{@code openServiceJourney} (bool): at least one service journey is open</li>
     * <li>{@code openServiceTopics} (list(string)): topics of the open service journeys, sorted</li>
     * <li>{@code sessionActivities} (int, Long): activities in the most recently active session, 0 if none</li>
     * <li>{@code sessionChannel} (string): that session's channel in lower case, {@code ""} if none</li>
     * <li>{@code viewsByCategory} (map(string, int)): product views per category in the
     *     {@link #FACTS_WINDOW} before {@link #asOf()}</li>
     * <li>{@code noResultSearches} (int, Long): searches without result in that window</li>
     * <li>{@code lastIntent} (string): the latest intent's name, {@code ""} if none</li>
     * <li>{@code lastActivity} (string): the latest activity in lower case, {@code ""} if none</li>
     * </ul>
     * The map is unmodifiable and has the same keys for every context.
     */
    public Map<String, Object> facts() {
        return Facts.of(this);
    }

    // Sorted copies make iteration, and so any serialisation by a host, the same in every JVM.
    private static Map<Channel, ChannelSession> sessionsByChannel(Map<Channel, ChannelSession> sessions) {
        EnumMap<Channel, ChannelSession> copy = new EnumMap<>(Channel.class);
        sessions.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "sessions key"), Objects.requireNonNull(v,
                "sessions value")));
        return Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        TreeMap<String, V> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        return Collections.unmodifiableMap(copy);
    }

    /** Units in the cart. */
    public long cartItems() {
        return cart.stream().mapToLong(CartLine::quantity).sum();
    }

    /** Cart value in minor units. */
    public long cartValue() {
        return cart.stream().mapToLong(CartLine::value).sum();
    }
}
