package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Threshold-in-window patterns over the context's counters: feature exploration (product views per category,
 * counter {@code "view:<category>"}) and repeated search without result (counter {@code "search_no_result"}).
 * It fires when the count in the window ending at the event reaches the threshold, and then not again for the
 * same key until a full window has passed, so a shopper browsing on is not flooded with the same intent.
 */
final class CountedRule implements PatternRule {

    /** Firing marks kept across all counted patterns; more than the counter keys they can refer to. */
    private static final int MAX_MARKS = 64;

    private final String name;
    private final String counterPrefix;
    private final int threshold;
    private final Duration window;
    private final String countAttribute;

    CountedRule(String name, String counterPrefix, int threshold, int windowMinutes, String countAttribute) {
        this.name = name;
        this.counterPrefix = counterPrefix;
        this.threshold = threshold;
        this.window = Duration.ofMinutes(windowMinutes);
        this.countAttribute = countAttribute;
    }

    @Override
    public void onActivity(Draft d, Occurrence o) {
        boolean views = counterPrefix.equals(Facts.VIEW_PREFIX);
        if (o.activity() != (views ? Activity.PRODUCT_VIEW : Activity.SEARCH_NO_RESULT)) {
            return;
        }
        String category = o.facts().category();
        if (views && category.isEmpty()) {
            return;
        }
        String counterKey = views ? counterPrefix + category : counterPrefix;
        Instant since = o.at().minus(window);
        long count = d.counters.count(counterKey, since);
        String markKey = name + "/" + (views ? category : "");
        Instant last = d.lastFired.get(markKey);
        if (count < threshold || (last != null && last.isAfter(since))) {
            return;
        }
        d.lastFired.entrySet().removeIf(e -> e.getKey().startsWith(name + "/") && e.getValue().isBefore(since));
        d.lastFired.put(markKey, o.at());
        while (d.lastFired.size() > MAX_MARKS) {
            d.lastFired.entrySet().stream().min(Map.Entry.comparingByValue())
                    .ifPresent(e -> d.lastFired.remove(e.getKey()));
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(countAttribute, count);
        attributes.put("windowMinutes", window.toMinutes());
        attributes.put("channel", o.facts().channel().name().toLowerCase(Locale.ROOT));
        attributes.put("sessionId", o.session().id());
        if (views) {
            attributes.put("category", category);
        }
        d.emit(name, o.at(), o.eventId(), attributes);
    }
}
