package dev.waymark.decision.internal;

import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.BundleContents;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.ModelSnapshot;
import dev.waymark.decision.QuietHours;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads a bundle payload's JSON into values; every problem is a {@link FieldException} naming the path. */
final class BundleReading {

    private BundleReading() {
    }

    /** A payload field that is missing, of the wrong type or out of range. */
    static final class FieldException extends RuntimeException {
        FieldException(String message) {
            super(message, null, false, false);
        }
    }

    static BundleContents contents(JsonObject root) {
        long version = number("version", root.get("version")).longValueExact();
        JsonArray actionArray = array("actions", root.get("actions"));
        List<ActionDefinition> actions = new ArrayList<>();
        for (int i = 0; i < actionArray.size(); i++) {
            actions.add(action("actions[" + i + "]", object("actions[" + i + "]", actionArray.get(i))));
        }
        String patterns = text("intentPatterns", root.get("intentPatterns"));
        DecisionPolicies policies = policies(object("policies", root.get("policies")));
        ModelSnapshot model = model(object("model", root.get("model")));
        return guard("version", () -> new BundleContents(version, actions, patterns, policies, model));
    }

    private static ActionDefinition action(String path, JsonObject json) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : strings(path + ".channels", json.get("channels"))) {
            channels.add(BundleCodec.channel(path + ".channels", name));
        }
        String id = text(path + ".id", json.get("id"));
        return guard(path, () -> new ActionDefinition(id,
                BundleCodec.category(path + ".category", text(path + ".category", json.get("category"))),
                channels, new LinkedHashSet<>(strings(path + ".placements", json.get("placements"))),
                instant(path + ".validFrom", json.get("validFrom")),
                instant(path + ".validUntil", json.get("validUntil")),
                number(path + ".value", json.get("value")).doubleValue(),
                number(path + ".weight", json.get("weight")).doubleValue(),
                duration(path + ".timeToLive", json.get("timeToLive")),
                text(path + ".consentPurpose", json.get("consentPurpose")),
                bool(path + ".edgeDecidable", json.get("edgeDecidable")),
                text(path + ".eligibility", json.get("eligibility"))));
    }

    private static DecisionPolicies policies(JsonObject json) {
        List<ContactCap> caps = new ArrayList<>();
        JsonArray capArray = array("policies.caps", json.get("caps"));
        for (int i = 0; i < capArray.size(); i++) {
            String path = "policies.caps[" + i + "]";
            JsonObject cap = object(path, capArray.get(i));
            caps.add(guard(path, () -> new ContactCap(
                    BundleCodec.channel(path + ".channel", text(path + ".channel", cap.get("channel"))),
                    BundleCodec.category(path + ".category", text(path + ".category", cap.get("category"))),
                    number(path + ".max", cap.get("max")).intValueExact(),
                    duration(path + ".period", cap.get("period")))));
        }
        Map<String, Duration> cooldowns = new TreeMap<>();
        object("policies.cooldowns", json.get("cooldowns")).forEach((id, value) ->
                cooldowns.put(id, duration("policies.cooldowns." + id, value)));
        Optional<QuietHours> quiet = Optional.empty();
        if (json.containsKey("quietHours")) {
            JsonObject hours = object("policies.quietHours", json.get("quietHours"));
            quiet = Optional.of(guard("policies.quietHours", () -> new QuietHours(
                    LocalTime.parse(text("policies.quietHours.start", hours.get("start"))),
                    LocalTime.parse(text("policies.quietHours.end", hours.get("end"))))));
        }
        JsonObject control = object("policies.controlGroup", json.get("controlGroup"));
        ControlGroupPolicy controlGroup = guard("policies.controlGroup", () -> new ControlGroupPolicy(
                number("policies.controlGroup.percent", control.get("percent")).doubleValue(),
                text("policies.controlGroup.salt", control.get("salt"))));
        Optional<QuietHours> quietHours = quiet;
        return guard("policies", () -> new DecisionPolicies(caps,
                duration("policies.defaultCooldown", json.get("defaultCooldown")), cooldowns, quietHours,
                controlGroup, number("policies.maxActions", json.get("maxActions")).intValueExact(),
                strings("policies.suppressingFacts", json.get("suppressingFacts")),
                strings("policies.segmentFacts", json.get("segmentFacts")),
                bool("policies.explore", json.get("explore"))));
    }

    private static ModelSnapshot model(JsonObject json) {
        List<ModelSnapshot.Arm> arms = new ArrayList<>();
        JsonArray armArray = array("model.arms", json.get("arms"));
        for (int i = 0; i < armArray.size(); i++) {
            String path = "model.arms[" + i + "]";
            JsonObject arm = object(path, armArray.get(i));
            arms.add(guard(path, () -> new ModelSnapshot.Arm(text(path + ".actionId", arm.get("actionId")),
                    text(path + ".segment", arm.get("segment")), number(path + ".alpha", arm.get("alpha"))
                    .doubleValue(), number(path + ".beta", arm.get("beta")).doubleValue())));
        }
        return guard("model", () -> new ModelSnapshot(number("model.priorAlpha", json.get("priorAlpha"))
                .doubleValue(), number("model.priorBeta", json.get("priorBeta")).doubleValue(), arms));
    }

    private interface Make<T> {
        T make();
    }

    /** Runs a validating constructor, prefixing its message (which names the field) with the path. */
    private static <T> T guard(String path, Make<T> make) {
        try {
            return make.make();
        } catch (FieldException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FieldException(path + "." + e.getMessage());
        }
    }

    private static JsonObject object(String path, JsonValue value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new FieldException(path + ": expected an object");
    }

    private static JsonArray array(String path, JsonValue value) {
        if (value instanceof JsonArray array) {
            return array;
        }
        throw new FieldException(path + ": expected an array");
    }

    private static JsonNumber number(String path, JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number;
        }
        throw new FieldException(path + ": expected a number");
    }

    private static String text(String path, JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new FieldException(path + ": expected a string");
    }

    private static boolean bool(String path, JsonValue value) {
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new FieldException(path + ": expected true or false");
    }

    private static List<String> strings(String path, JsonValue value) {
        JsonArray array = array(path, value);
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(text(path + "[" + i + "]", array.get(i)));
        }
        return out;
    }

    private static Duration duration(String path, JsonValue value) {
        String text = text(path, value);
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new FieldException(path + ": not an ISO-8601 duration: " + text);
        }
    }

    private static Instant instant(String path, JsonValue value) {
        String text = text(path, value);
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new FieldException(path + ": not an RFC 3339 instant: " + text);
        }
    }
}
