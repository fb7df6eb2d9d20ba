package dev.waymark.dist.internal.demo;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The time between one shopper's consecutive events, as its 5th percentiles (0, 5, ..., 100): drawn by picking a
 * percentile uniformly and interpolating between its neighbours. In JSON an object of percentile to milliseconds,
 * {@code {"0": 0, "5": 3030, ..., "100": 1753000}}.
 *
 * @param millis the gap at each 5th percentile, 21 values, ascending
 */
public record GapQuantiles(List<Long> millis) {

    static final int STEPS = 20;
    private static final int PERCENT_PER_STEP = 100 / STEPS;

    /** Throws IllegalArgumentException unless there are 21 ascending values of 0 or more. */
    public GapQuantiles {
        millis = List.copyOf(millis);
        if (millis.size() != STEPS + 1) {
            throw new IllegalArgumentException("needs " + (STEPS + 1) + " percentiles, has " + millis.size());
        }
        for (int i = 0; i < millis.size(); i++) {
            if (millis.get(i) < 0 || (i > 0 && millis.get(i) < millis.get(i - 1))) {
                throw new IllegalArgumentException("percentile " + i * PERCENT_PER_STEP
                        + ": must be 0 or more and not below the one before");
            }
        }
    }

    /** The percentiles of {@code gaps} (nearest rank below: the value at index round(p * (n - 1))). */
    public static GapQuantiles of(List<Long> gaps) {
        if (gaps.isEmpty()) {
            throw new IllegalArgumentException("no gaps to take percentiles of");
        }
        List<Long> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        List<Long> millis = new ArrayList<>();
        for (int step = 0; step <= STEPS; step++) {
            millis.add(sorted.get((int) Math.round((double) step / STEPS * (sorted.size() - 1))));
        }
        return new GapQuantiles(millis);
    }

    /** The median gap. */
    public Duration median() {
        return Duration.ofMillis(millis.get(STEPS / 2));
    }

    /** One gap, at most {@code cap}. */
    public Duration draw(SplittableRandom random, Duration cap) {
        double position = random.nextDouble() * STEPS;
        int lower = (int) position;
        double fraction = position - lower;
        double gap = millis.get(lower) + fraction * (millis.get(lower + 1) - millis.get(lower));
        return Duration.ofMillis(Math.min(Math.round(gap), cap.toMillis()));
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        for (int step = 0; step <= STEPS; step++) {
            json.put(Integer.toString(step * PERCENT_PER_STEP), millis.get(step));
        }
        return json;
    }

    static GapQuantiles fromJson(String field, JsonObject json) {
        List<Long> millis = new ArrayList<>();
        for (int step = 0; step <= STEPS; step++) {
            String key = Integer.toString(step * PERCENT_PER_STEP);
            if (!(json.getValue(key) instanceof Number value)) {
                throw new IllegalArgumentException(field + "." + key + ": must be a number of milliseconds");
            }
            millis.add(value.longValue());
        }
        if (json.size() != STEPS + 1) {
            throw new IllegalArgumentException(field + ": has keys other than the 5th percentiles 0 to 100");
        }
        return new GapQuantiles(millis);
    }
}
