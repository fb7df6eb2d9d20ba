package dev.waymark.journey;

import dev.waymark.journey.internal.FieldPath;
import dev.waymark.journey.internal.MappingCodec;
import dev.waymark.journey.internal.Resources;
import dev.waymark.protocol.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps events to {@link Activity} kinds by ordered rules: the first rule whose event type matches, and whose
 * optional condition on a {@code data} field holds, decides. Events no rule matches are not activities (they
 * still count for replay detection). JSON form:
 * {@code {"rules": [{"type": "wm.kiosk.search", "when": {"field": "resultCount", "equals": 0},
 * "activity": "SEARCH_NO_RESULT"}, ...]}}; {@code when} is one condition or an array of conditions that must all
 * hold.
 */
public final class ActivityMapping {

    private static final String DEFAULTS = "default-activities.json";

    /**
     * A condition on one payload field: the value at {@code field} (a dotted path through record components,
     * optionals and JSON objects, such as {@code properties.category}) equals {@code equals} as canonical text
     * (numbers without trailing zeros, booleans as {@code true}/{@code false}).
     */
    public record Condition(String field, String equals) {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(equals, "equals");
            if (field.isBlank()) {
                throw new IllegalArgumentException("field: must not be blank");
            }
        }
    }

    /** One rule: events of {@code eventType} for which every condition in {@code when} holds are {@code activity}. */
    public record Rule(String eventType, List<Condition> when, Activity activity) {
        public Rule {
            Objects.requireNonNull(eventType, "eventType");
            when = List.copyOf(when);
            Objects.requireNonNull(activity, "activity");
        }

        /** A rule without conditions. */
        public static Rule of(String eventType, Activity activity) {
            return new Rule(eventType, List.of(), activity);
        }

        boolean matches(CloudEvent event) {
            return eventType.equals(event.type()) && when.stream().allMatch(c -> FieldPath.text(event.data(),
                    c.field()).filter(c.equals()::equals).isPresent());
        }
    }

    private final List<Rule> rules;

    private ActivityMapping(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * A mapping from rules made in code; see {@link #parse(String)} for the checks.
     *
     * @throws IllegalArgumentException listing every problem
     */
    public static ActivityMapping of(List<Rule> rules) {
        List<PatternError> errors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            MappingCodec.check(rules.get(i), "rules[" + i + "]", errors);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.toString());
        }
        return new ActivityMapping(rules);
    }

    /**
     * Parses and validates a mapping document: every type must be in the protocol's event catalog, a condition's
     * field must start with a component of that type's payload, activities must be {@link Activity} names.
     * Errors name the rule ({@code rules[3]}) and the field.
     */
    public static Loaded<ActivityMapping, PatternError> parse(String json) {
        List<PatternError> errors = new ArrayList<>();
        List<Rule> rules = MappingCodec.parse(json, errors);
        return errors.isEmpty() ? new Loaded.Ok<>(new ActivityMapping(rules)) : new Loaded.Rejected<>(errors);
    }

    /**
     * The shipped mapping ({@code default-activities.json}): every kiosk type, and web/app calls named after the
     * Segment e-commerce spec ({@code Product Viewed}, {@code Product Added}, {@code Order Completed}, ...) plus
     * {@code Service Requested} and {@code Service Resolved}. docs/journeys.md lists it.
     *
     * @throws IllegalStateException if the resource is missing or invalid (a packaging error)
     */
    public static ActivityMapping defaults() {
        Loaded<ActivityMapping, PatternError> loaded = parse(Resources.text(ActivityMapping.class, DEFAULTS));
        if (!loaded.ok()) {
            throw new IllegalStateException(DEFAULTS + " is invalid: " + loaded.errors());
        }
        return loaded.orElseThrow();
    }

    /** The activity of this event, or empty when no rule matches. */
    public Optional<Activity> map(CloudEvent event) {
        for (Rule rule : rules) {
            if (rule.matches(event)) {
                return Optional.of(rule.activity());
            }
        }
        return Optional.empty();
    }

    /** The rules in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The JSON form, which {@link #parse(String)} reads back to an equal mapping. */
    public String toJson() {
        return MappingCodec.write(rules);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivityMapping other && rules.equals(other.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "ActivityMapping" + rules;
    }
}
