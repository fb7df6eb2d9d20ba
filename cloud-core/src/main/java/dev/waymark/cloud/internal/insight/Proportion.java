package dev.waymark.cloud.internal.insight;

import io.vertx.core.json.JsonObject;

/**
 * Decisions of one arm and how many of them converted.
 *
 * @param n           decisions
 * @param conversions decisions followed by a purchase within the attribution window
 */
public record Proportion(long n, long conversions) {

    public Proportion {
        if (n < 0 || conversions < 0 || conversions > n) {
            throw new IllegalArgumentException("proportion: need 0 <= conversions <= n, got " + conversions + "/" + n);
        }
    }

    /** The conversion rate; 0 when there are no decisions (callers check {@link #n()} first). */
    public double rate() {
        return n == 0 ? 0 : (double) conversions / n;
    }

    /** {@code {"n", "conversions", "rate"}}, rate null when n is 0. */
    public JsonObject toJson() {
        return new JsonObject().put("n", n).put("conversions", conversions).put("rate", n == 0 ? null : rate());
    }
}
