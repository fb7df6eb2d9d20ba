package dev.waymark.edge.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The explanations of the agent's latest offline decisions, by decision id, for the kiosk screen's "why" link.
 * Bounded: the oldest is forgotten first. Memory only, so a restart forgets them. Safe from any thread.
 */
final class KeptExplanations {

    /** Enough for a demo day's worth of offers on one kiosk; each entry is a few hundred bytes. */
    static final int DEFAULT_CAPACITY = 500;

    private final int capacity;
    private final Map<String, String> byDecisionId;

    KeptExplanations(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.byDecisionId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > KeptExplanations.this.capacity;
            }
        };
    }

    int capacity() {
        return capacity;
    }

    synchronized void keep(String decisionId, String explanationJson) {
        byDecisionId.put(decisionId, explanationJson);
    }

    synchronized Optional<String> find(String decisionId) {
        return Optional.ofNullable(byDecisionId.get(decisionId));
    }
}
