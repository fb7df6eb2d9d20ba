package dev.waymark.cloud.internal.insight;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * Engagement latency in milliseconds (display minus capture, both on one kiosk's clock): exact nearest-rank
 * percentiles over every measured impression, so small samples are reported as they are, not interpolated.
 *
 * @param count measured impressions
 * @param p50   median; 0 when count is 0
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   the largest
 */
public record Latency(long count, long p50, long p95, long p99, long max) {

    /** The percentiles of {@code millis} (not changed). */
    public static Latency of(long[] millis) {
        if (millis.length == 0) {
            return new Latency(0, 0, 0, 0, 0);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value with at least {@code q} of the sample at or below it. */
    private static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    /** {@code {"count", "p50", "p95", "p99", "max"}} in milliseconds; percentiles null when count is 0. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("count", count);
        for (String key : new String[] {"p50", "p95", "p99", "max"}) {
            json.put(key, (Object) null);
        }
        if (count > 0) {
            json.put("p50", p50).put("p95", p95).put("p99", p99).put("max", max);
        }
        return json;
    }
}
