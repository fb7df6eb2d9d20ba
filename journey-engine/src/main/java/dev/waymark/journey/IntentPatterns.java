package dev.waymark.journey;

import dev.waymark.journey.internal.PatternCodec;
import dev.waymark.journey.internal.Resources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, validated set of {@link IntentPattern}s with unique names.
 *
 * <p>The JSON form is {@code {"patterns": [{"name": "cart_abandonment", "kind": "cart_abandonment",
 * "windowMinutes": 30, "onSessionEnd": true}, ...]}}; docs/journeys.md lists every kind and field. Unknown
 * fields and kinds are errors, so a typo never silently disables a pattern.
 */
public final class IntentPatterns {

    private static final String DEFAULTS = "default-intents.json";

    private final List<IntentPattern> patterns;

    private IntentPatterns(List<IntentPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Builds a set from patterns made in code.
     *
     * @throws IllegalArgumentException when two patterns share a name
     */
    public static IntentPatterns of(List<IntentPattern> patterns) {
        Set<String> names = new HashSet<>();
        for (IntentPattern p : patterns) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(p.name() + ".name: is used by more than one pattern");
            }
        }
        return new IntentPatterns(patterns);
    }

    /**
     * Parses and validates a pattern document. Never throws on bad input: every problem becomes a
     * {@link PatternError} naming the pattern and the field.
     */
    public static Loaded<IntentPatterns, PatternError> parse(String json) {
        List<PatternError> errors = new ArrayList<>();
        List<IntentPattern> parsed = PatternCodec.parse(json, errors);
        if (!errors.isEmpty()) {
            return new Loaded.Rejected<>(errors);
        }
        return new Loaded.Ok<>(new IntentPatterns(parsed));
    }

    /**
     * The shipped patterns from the {@code default-intents.json} resource: cart abandonment (30 minutes or
     * session end), service request initiation, feature exploration (4 views in a category within 10 minutes),
     * repeated search without result (2 within 10 minutes) and journey completion.
     *
     * @throws IllegalStateException if the resource is missing or invalid (a packaging error)
     */
    public static IntentPatterns defaults() {
        Loaded<IntentPatterns, PatternError> loaded = parse(Resources.text(IntentPatterns.class, DEFAULTS));
        if (!loaded.ok()) {
            throw new IllegalStateException(DEFAULTS + " is invalid: " + loaded.errors());
        }
        return loaded.orElseThrow();
    }

    /** The patterns in document order. */
    public List<IntentPattern> all() {
        return patterns;
    }

    /** The pattern with this name, if any. */
    public Optional<IntentPattern> named(String name) {
        return patterns.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The JSON form, which {@link #parse(String)} reads back to an equal set. */
    public String toJson() {
        return PatternCodec.write(patterns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntentPatterns other && patterns.equals(other.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return "IntentPatterns" + patterns;
    }
}
