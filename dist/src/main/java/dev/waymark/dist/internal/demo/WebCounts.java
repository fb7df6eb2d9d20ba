package dev.waymark.dist.internal.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the web simulator did so far; counted in calls (one call per request).
 *
 * @param visits           visits started
 * @param sent             calls posted
 * @param accepted         calls the collector answered 200
 * @param refusedByStatus  calls answered otherwise, by HTTP status
 * @param lastRefusal      the last refusal's {@code status error field} or failure, or empty
 * @param failed           calls without an answer (connection refused, timeout)
 */
public record WebCounts(long visits, long sent, long accepted, Map<Integer, Long> refusedByStatus,
                        String lastRefusal, long failed) {

    /** Copies the map, sorted by status. */
    public WebCounts {
        refusedByStatus = Map.copyOf(new TreeMap<>(refusedByStatus));
    }

    /** Nothing yet. */
    public static WebCounts zero() {
        return new WebCounts(0, 0, 0, Map.of(), "", 0);
    }

    /** All refused calls, whatever the status. */
    public long refused() {
        return refusedByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
