package dev.waymark.decision.internal;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.BundleContents;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.ModelSnapshot;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bundle payload's JSON (format {@value #FORMAT}): {@code {"format", "version", "actions": [...],
 * "intentPatterns": "<json text>", "policies": {...}, "model": {...}}}. Durations are ISO-8601, instants RFC 3339,
 * enums lower case. Reading reports the first problem with the field's path.
 */
public final class BundleCodec {

    public static final String FORMAT = "waymark.decision-bundle/1";

    private BundleCodec() {
    }

    /** The contents, or the first error naming its field. */
    public record Parsed(Optional<BundleContents> contents, Optional<String> error) {
    }

    public static byte[] write(BundleContents contents) {
        JsonArrayBuilder actions = Json.createArrayBuilder();
        contents.actions().forEach(action -> actions.add(action(action)));
        JsonObject root = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("version", contents.version())
                .add("actions", actions)
                .add("intentPatterns", contents.intentPatterns())
                .add("policies", policies(contents.policies()))
                .add("model", model(contents.model()))
                .build();
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Parsed read(byte[] payload) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(payload))) {
            JsonObject root = reader.readObject();
            if (!FORMAT.equals(root.getString("format", ""))) {
                return new Parsed(Optional.empty(), Optional.of("format: expected " + FORMAT));
            }
            return new Parsed(Optional.of(BundleReading.contents(root)), Optional.empty());
        } catch (BundleReading.FieldException e) {
            return new Parsed(Optional.empty(), Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            // JSON-P throws JsonException/ClassCastException/NPE on malformed input; a bundle never crashes the edge.
            return new Parsed(Optional.empty(), Optional.of("payload: not a readable bundle: " + e.getMessage()));
        }
    }

    private static JsonObjectBuilder action(ActionDefinition action) {
        JsonArrayBuilder channels = Json.createArrayBuilder();
        action.channels().forEach(channel -> channels.add(channel.wireName()));
        JsonArrayBuilder placements = Json.createArrayBuilder();
        action.placements().forEach(placements::add);
        return Json.createObjectBuilder()
                .add("id", action.id())
                .add("category", lower(action.category()))
                .add("channels", channels)
                .add("placements", placements)
                .add("validFrom", action.validFrom().toString())
                .add("validUntil", action.validUntil().toString())
                .add("value", action.value())
                .add("weight", action.weight())
                .add("timeToLive", action.timeToLive().toString())
                .add("consentPurpose", action.consentPurpose())
                .add("edgeDecidable", action.edgeDecidable())
                .add("eligibility", action.eligibility());
    }

    private static JsonObjectBuilder policies(DecisionPolicies policies) {
        JsonArrayBuilder caps = Json.createArrayBuilder();
        for (ContactCap cap : policies.caps()) {
            caps.add(Json.createObjectBuilder().add("channel", cap.channel().wireName())
                    .add("category", lower(cap.category())).add("max", cap.max())
                    .add("period", cap.period().toString()));
        }
        JsonObjectBuilder cooldowns = Json.createObjectBuilder();
        policies.cooldowns().forEach((id, duration) -> cooldowns.add(id, duration.toString()));
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("caps", caps)
                .add("defaultCooldown", policies.defaultCooldown().toString())
                .add("cooldowns", cooldowns);
        policies.quietHours().ifPresent(quiet -> out.add("quietHours", Json.createObjectBuilder()
                .add("start", quiet.start().toString()).add("end", quiet.end().toString())));
        ControlGroupPolicy control = policies.controlGroup();
        return out
                .add("controlGroup", Json.createObjectBuilder().add("percent", control.percent())
                        .add("salt", control.salt()))
                .add("maxActions", policies.maxActions())
                .add("suppressingFacts", strings(policies.suppressingFacts()))
                .add("segmentFacts", strings(policies.segmentFacts()))
                .add("explore", policies.explore());
    }

    private static JsonObjectBuilder model(ModelSnapshot model) {
        JsonArrayBuilder arms = Json.createArrayBuilder();
        for (ModelSnapshot.Arm arm : model.arms()) {
            arms.add(Json.createObjectBuilder().add("actionId", arm.actionId()).add("segment", arm.segment())
                    .add("alpha", arm.alpha()).add("beta", arm.beta()));
        }
        return Json.createObjectBuilder().add("priorAlpha", model.priorAlpha()).add("priorBeta", model.priorBeta())
                .add("arms", arms);
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static Channel channel(String path, String name) {
        return Channel.fromWireName(name)
                .orElseThrow(() -> new BundleReading.FieldException(path + ": unknown channel '" + name + "'"));
    }

    static ActionCategory category(String path, String name) {
        for (ActionCategory category : ActionCategory.values()) {
            if (lower(category).equals(name)) {
                return category;
            }
        }
        throw new BundleReading.FieldException(path + ": unknown category '" + name + "'");
    }
}
