package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import dev.waymark.journey.ActivityMapping.Condition;
import dev.waymark.journey.ActivityMapping.Rule;
import dev.waymark.journey.PatternError;
import dev.waymark.protocol.EventCatalog;
import dev.waymark.protocol.EventType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads, checks and writes the activity-mapping JSON document ({@code {"rules": [...]}}). */
public final class MappingCodec {

    private static final Set<String> RULE_FIELDS = Set.of("type", "when", "activity");
    private static final Set<String> WHEN_FIELDS = Set.of("field", "equals");

    private MappingCodec() {
    }

    public static List<Rule> parse(String json, List<PatternError> errors) {
        BiConsumer<String, String> docProblem = (f, r) -> errors.add(new PatternError("document", f, r));
        Optional<JsonValue> root = JsonReading.parse(json, docProblem);
        if (root.isEmpty()) {
            return List.of();
        }
        if (!(root.get() instanceof JsonObject doc) || !(doc.get("rules") instanceof JsonArray entries)) {
            docProblem.accept("rules", "must be an array inside a JSON object");
            return List.of();
        }
        JsonReading.onlyFields(doc, Set.of("rules"), docProblem);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "rules[" + i + "]";
            BiConsumer<String, String> problem = (f, r) -> errors.add(new PatternError(where, f, r));
            if (!(entries.get(i) instanceof JsonObject entry)) {
                problem.accept("", "must be a JSON object");
                continue;
            }
            int before = errors.size();
            JsonReading.onlyFields(entry, RULE_FIELDS, problem);
            Optional<String> type = JsonReading.string(entry, "type", problem);
            Optional<Activity> activity = JsonReading.string(entry, "activity", problem).flatMap(a -> activity(a,
                    problem));
            List<Condition> when = conditions(entry.get("when"), problem);
            if (errors.size() == before && type.isPresent() && activity.isPresent()) {
                Rule rule = new Rule(type.get(), when, activity.get());
                check(rule, where, errors);
                rules.add(rule);
            }
        }
        return errors.isEmpty() ? List.copyOf(rules) : List.of();
    }

    /** Checks a rule against the protocol's catalog: known type, condition field on that payload. */
    public static void check(Rule rule, String where, List<PatternError> errors) {
        Optional<EventType> type = EventCatalog.find(rule.eventType());
        if (type.isEmpty()) {
            errors.add(new PatternError(where, "type", "unknown event type '" + rule.eventType() + "'"));
            return;
        }
        rule.when().stream().filter(c -> !FieldPath.startsWithComponent(type.get().payloadClass(), c.field()))
                .forEach(c -> errors.add(new PatternError(where, "when.field", "'" + c.field()
                        + "' is not a field of " + rule.eventType())));
    }

    private static Optional<Activity> activity(String name, BiConsumer<String, String> problem) {
        try {
            return Optional.of(Activity.valueOf(name));
        } catch (IllegalArgumentException e) {
            problem.accept("activity", "unknown activity '" + name + "'");
            return Optional.empty();
        }
    }

    private static List<Condition> conditions(JsonValue value, BiConsumer<String, String> problem) {
        if (value == null) {
            return List.of();
        }
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        List<Condition> out = new ArrayList<>();
        for (JsonValue item : items) {
            condition(item, problem).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Condition> condition(JsonValue value, BiConsumer<String, String> problem) {
        if (!(value instanceof JsonObject when)) {
            problem.accept("when", "must be a JSON object or an array of them");
            return Optional.empty();
        }
        JsonReading.onlyFields(when, WHEN_FIELDS, (f, r) -> problem.accept("when." + f, r));
        Optional<String> field = JsonReading.string(when, "field", (f, r) -> problem.accept("when." + f, r));
        Optional<String> equals = FieldPath.canonical(when.get("equals"));
        if (equals.isEmpty()) {
            problem.accept("when.equals", "must be a string, number or boolean");
        }
        if (field.isEmpty() || equals.isEmpty()) {
            return Optional.empty();
        }
        if (field.get().isBlank()) {
            problem.accept("when.field", "must not be blank");
            return Optional.empty();
        }
        return Optional.of(new Condition(field.get(), equals.get()));
    }

    public static String write(List<Rule> rules) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Rule rule : rules) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("type", rule.eventType());
            if (!rule.when().isEmpty()) {
                JsonArrayBuilder when = Json.createArrayBuilder();
                rule.when().forEach(c -> when.add(Json.createObjectBuilder().add("field", c.field())
                        .add("equals", c.equals())));
                o.add("when", when);
            }
            array.add(o.add("activity", rule.activity().name()));
        }
        return Json.createObjectBuilder().add("rules", array).build().toString();
    }
}
