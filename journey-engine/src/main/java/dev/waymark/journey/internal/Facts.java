package dev.waymark.journey.internal;

import dev.waymark.journey.CartLine;
import dev.waymark.protocol.Channel;
import dev.waymark.journey.ChannelSession;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.ServiceJourney;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds {@link JourneyContext#facts()}; the key list is documented there and in docs/journeys.md. */
public final class Facts {

    /** Counter key prefix of product views per category. */
    public static final String VIEW_PREFIX = "view:";
    /** Counter key of searches without result. */
    public static final String NO_RESULT = "search_no_result";

    private Facts() {
    }

    public static Map<String, Object> of(JourneyContext c) {
        Instant since = c.asOf().minus(JourneyContext.FACTS_WINDOW);
        Map<String, Long> views = new TreeMap<>();
        c.counters().asMap().keySet().stream().filter(k -> k.startsWith(VIEW_PREFIX)).forEach(k -> {
            long n = c.counters().count(k, since);
            if (n > 0) {
                views.put(k.substring(VIEW_PREFIX.length()), n);
            }
        });
        Optional<Map.Entry<Channel, ChannelSession>> current = c.sessions().entrySet().stream()
                .max(Comparator.comparing((Map.Entry<Channel, ChannelSession> e) ->
                        e.getValue().lastActivity()).thenComparing(Map.Entry::getKey));
        Map<String, Object> facts = new TreeMap<>();
        facts.put("stage", lower(c.stage().name()));
        facts.put("cartItems", c.cartItems());
        facts.put("cartValue", c.cartValue());
        facts.put("cartCategories", c.cart().stream().map(CartLine::category).filter(s -> !s.isEmpty())
                .distinct().sorted().toList());
        facts.put("openServiceJourney", !c.serviceJourneys().isEmpty());
        facts.put("openServiceTopics", c.serviceJourneys().stream().map(ServiceJourney::topic).distinct().sorted()
                .toList());
        facts.put("sessionActivities", current.map(e -> e.getValue().activities()).orElse(0L));
        facts.put("sessionChannel", current.map(e -> lower(e.getKey().name())).orElse(""));
        facts.put("viewsByCategory", Collections.unmodifiableMap(views));
        facts.put("noResultSearches", c.counters().count(NO_RESULT, since));
        facts.put("lastIntent", c.lastIntent());
        facts.put("lastActivity", c.recent().isEmpty() ? ""
                : lower(c.recent().get(c.recent().size() - 1).activity().name()));
        return Collections.unmodifiableMap(facts);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
