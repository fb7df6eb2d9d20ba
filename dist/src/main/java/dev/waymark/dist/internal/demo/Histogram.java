package dev.waymark.dist.internal.demo;

import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How often each whole number was seen (events per visit, views before a cart add, ...); draws values in the same
 * proportions. In JSON an object of value to count, {@code {"1": 41, "2": 26}}.
 *
 * @param counts value to how often it was seen; not empty, counts positive
 */
public record Histogram(Map<Integer, Integer> counts) {

    /** Throws IllegalArgumentException when empty or a count is not positive. */
    public Histogram {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("a histogram needs at least one value");
        }
        counts.forEach((value, count) -> {
            if (count <= 0) {
                throw new IllegalArgumentException("count of " + value + " must be positive, was " + count);
            }
        });
    }

    /** The histogram of {@code values}. */
    public static Histogram of(Collection<Integer> values) {
        Map<Integer, Integer> counts = new TreeMap<>();
        values.forEach(value -> counts.merge(value, 1, Integer::sum));
        return new Histogram(counts);
    }

    /** How many values were seen. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Their mean. */
    public double mean() {
        long sum = 0;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            sum += (long) entry.getKey() * entry.getValue();
        }
        return (double) sum / total();
    }

    /** One value, each with the probability of its share of the counts. */
    public int draw(SplittableRandom random) {
        int pick = random.nextInt(total());
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            pick -= entry.getValue();
            if (pick < 0) {
                return entry.getKey();
            }
        }
        throw new AssertionError("unreachable: the pick is below the total");
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        counts.forEach((value, count) -> json.put(Integer.toString(value), count));
        return json;
    }

    static Histogram fromJson(String field, JsonObject json) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String key : json.fieldNames()) {
            try {
                counts.put(Integer.parseInt(key), json.getInteger(key));
            } catch (NumberFormatException | ClassCastException e) {
                throw new IllegalArgumentException(field + "." + key + ": must be a whole number with a count", e);
            }
        }
        return new Histogram(counts);
    }
}
