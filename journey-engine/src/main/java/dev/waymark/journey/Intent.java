package dev.waymark.journey;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A detected intent.
 *
 * @param name the pattern's name ({@code "cart_abandonment"})
 * @param profileKey the profile whose context produced it
 * @param at event time of the event, or due time of the timer, that completed the pattern
 * @param sourceEventId the event that completed the pattern, or for a timer, the event that set it
 * @param attributes pattern-specific details (docs/journeys.md lists them); values are String, Long, Boolean
 *     or List of String; iterated in key order
 */
public record Intent(String name, String profileKey, Instant at, String sourceEventId,
        Map<String, Object> attributes) {

    public Intent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profileKey, "profileKey");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        TreeMap<String, Object> sorted = new TreeMap<>();
        attributes.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "attributes key"),
                Objects.requireNonNull(v, "attributes value")));
        attributes = Collections.unmodifiableMap(sorted);
    }
}
