package dev.waymark.cloud.internal.pipeline;

import dev.waymark.protocol.CloudEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts each source's items of a batch in sequence order while keeping the slots the sources occupy: a shared
 * subscription may hand one device's events to the log out of order, but a profile's kiosk and web events, routed
 * to one key, stay interleaved as they were appended. Web sources all have sequence 0, so their order is kept.
 */
final class SequenceOrder {

    private SequenceOrder() {
    }

    /** A new list: {@code items} with every source's items sorted by sequence, each source in its own slots. */
    static <T> List<T> apply(List<T> items, Function<T, CloudEvent> eventOf) {
        Map<String, List<Integer>> slots = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            slots.computeIfAbsent(eventOf.apply(items.get(i)).source(), source -> new ArrayList<>()).add(i);
        }
        List<T> ordered = new ArrayList<>(items);
        for (List<Integer> positions : slots.values()) {
            List<T> ofSource = new ArrayList<>(positions.size());
            positions.forEach(position -> ofSource.add(items.get(position)));
            // A stable sort: equal sequences (every web event) keep their log order.
            ofSource.sort(Comparator.comparingLong(item -> eventOf.apply(item).sequence()));
            for (int i = 0; i < positions.size(); i++) {
                ordered.set(positions.get(i), ofSource.get(i));
            }
        }
        return ordered;
    }
}
