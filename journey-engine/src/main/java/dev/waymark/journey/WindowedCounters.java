package dev.waymark.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Immutable sliding-window counters: for each key (for example {@code "view:shoes"}) the times of its latest
 * occurrences. A count over any window up to the horizon is exact as long as it does not exceed
 * {@link IntentPattern#MAX_THRESHOLD}, which is as far as patterns ever need to count; older times and excess
 * keys are dropped, so memory stays bounded.
 */
public final class WindowedCounters {

    private static final WindowedCounters EMPTY = new WindowedCounters(Map.of());

    private final Map<String, List<Instant>> times;

    private WindowedCounters(Map<String, List<Instant>> times) {
        this.times = times;
    }

    /** No counts. */
    public static WindowedCounters empty() {
        return EMPTY;
    }

    /**
     * Rebuilds counters from stored times (for a host restoring a context).
     *
     * @throws IllegalArgumentException when a key holds more than {@link IntentPattern#MAX_THRESHOLD} times
     */
    public static WindowedCounters of(Map<String, List<Instant>> times) {
        Map<String, List<Instant>> copy = new TreeMap<>();
        times.forEach((key, list) -> {
            if (list.size() > IntentPattern.MAX_THRESHOLD) {
                throw new IllegalArgumentException("counters." + key + ": more than " + IntentPattern.MAX_THRESHOLD
                        + " times");
            }
            List<Instant> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.naturalOrder());
            copy.put(Objects.requireNonNull(key, "key"), List.copyOf(sorted));
        });
        return new WindowedCounters(Collections.unmodifiableMap(copy));
    }

    /** Occurrences of {@code key} at or after {@code since} (capped at the kept history). */
    public long count(String key, Instant since) {
        List<Instant> list = times.getOrDefault(key, List.of());
        long n = 0;
        for (int i = list.size() - 1; i >= 0 && !list.get(i).isBefore(since); i--) {
            n++;
        }
        return n;
    }

    /** Every key with its kept times, oldest first. */
    public Map<String, List<Instant>> asMap() {
        return times;
    }

    /**
     * Adds one occurrence of {@code key} at {@code at}, drops times before {@code horizon}, and keeps at most
     * {@code maxKeys} keys (dropping the one whose latest occurrence is oldest).
     */
    public WindowedCounters record(String key, Instant at, Instant horizon, int maxKeys) {
        Map<String, List<Instant>> next = new TreeMap<>();
        times.forEach((k, list) -> {
            List<Instant> kept = list.stream().filter(t -> !t.isBefore(horizon)).toList();
            if (!kept.isEmpty()) {
                next.put(k, kept);
            }
        });
        List<Instant> list = new ArrayList<>(next.getOrDefault(key, List.of()));
        int index = list.size();
        while (index > 0 && list.get(index - 1).isAfter(at)) {
            index--;
        }
        list.add(index, at);
        while (list.size() > IntentPattern.MAX_THRESHOLD) {
            list.remove(0);
        }
        next.put(key, List.copyOf(list));
        while (next.size() > maxKeys) {
            String stalest = next.entrySet().stream()
                    .filter(e -> !e.getKey().equals(key))
                    .min(Comparator.comparing((Map.Entry<String, List<Instant>> e) -> e.getValue()
                            .get(e.getValue().size() - 1)).thenComparing(Map.Entry::getKey))
                    .orElseThrow().getKey();
            next.remove(stalest);
        }
        return new WindowedCounters(Collections.unmodifiableMap(next));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowedCounters other && times.equals(other.times);
    }

    @Override
    public int hashCode() {
        return times.hashCode();
    }

    @Override
    public String toString() {
        return "WindowedCounters" + times;
    }
}
