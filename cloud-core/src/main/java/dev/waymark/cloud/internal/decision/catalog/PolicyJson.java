package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.QuietHours;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The admin API's JSON of {@link DecisionPolicies}, in the decision bundle's field names: {@code caps} ({@code
 * [{channel, category, max, period}]}), {@code defaultCooldown}, {@code cooldowns} ({@code {actionId: PT1H}}),
 * {@code quietHours} ({@code {start: "21:00", end: "08:00"}}), {@code controlGroup} ({@code {percent, salt}}),
 * {@code maxActions}, {@code suppressingFacts}, {@code segmentFacts}, {@code explore}. Omitted fields take
 * {@link DecisionPolicies#defaults()}.
 */
public final class PolicyJson {

    private static final Set<String> KNOWN = Set.of("caps", "defaultCooldown", "cooldowns", "quietHours",
            "controlGroup", "maxActions", "suppressingFacts", "segmentFacts", "explore");

    private PolicyJson() {
    }

    /** Reads policies; throws {@link InvalidField} naming the first bad field ({@code policies.caps[0].max}). */
    public static DecisionPolicies read(Object value) {
        JsonObject json = Fields.object("policies", value);
        for (String name : json.fieldNames()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidField("policies." + name, "unknown field");
            }
        }
        DecisionPolicies d = DecisionPolicies.defaults();
        List<ContactCap> caps = caps(json.getValue("caps"));
        Map<String, Duration> cooldowns = new TreeMap<>();
        if (json.getValue("cooldowns") != null) {
            Fields.object("policies.cooldowns", json.getValue("cooldowns")).forEach(e -> cooldowns.put(e.getKey(),
                    Fields.duration("policies.cooldowns." + e.getKey(), e.getValue(), Duration.ZERO)));
        }
        Optional<QuietHours> quiet = quietHours(json.getValue("quietHours"));
        ControlGroupPolicy control = d.controlGroup();
        if (json.getValue("controlGroup") != null) {
            JsonObject group = Fields.object("policies.controlGroup", json.getValue("controlGroup"));
            control = guard("policies.controlGroup", () -> new ControlGroupPolicy(
                    Fields.number("policies.controlGroup.percent", group.getValue("percent"), 0),
                    Fields.text("policies.controlGroup.salt", group.getValue("salt"), "waymark")));
        }
        long maxActions = Fields.whole("policies.maxActions", json.getValue("maxActions"), d.maxActions());
        if (maxActions < 1 || maxActions > 100) {
            throw new InvalidField("policies.maxActions", "must be 1 to 100");
        }
        ControlGroupPolicy controlGroup = control;
        return guard("policies", () -> new DecisionPolicies(caps,
                Fields.duration("policies.defaultCooldown", json.getValue("defaultCooldown"), d.defaultCooldown()),
                cooldowns, quiet, controlGroup, (int) maxActions,
                Fields.strings("policies.suppressingFacts", json.getValue("suppressingFacts"), d.suppressingFacts()),
                Fields.strings("policies.segmentFacts", json.getValue("segmentFacts"), d.segmentFacts()),
                Fields.bool("policies.explore", json.getValue("explore"), d.explore())));
    }

    /** The JSON of {@code policies}; {@link #read} reads it back to equal policies. */
    public static JsonObject write(DecisionPolicies policies) {
        JsonArray caps = new JsonArray();
        for (ContactCap cap : policies.caps()) {
            caps.add(new JsonObject().put("channel", cap.channel().wireName())
                    .put("category", cap.category().name().toLowerCase(Locale.ROOT)).put("max", cap.max())
                    .put("period", cap.period().toString()));
        }
        JsonObject cooldowns = new JsonObject();
        policies.cooldowns().forEach((id, duration) -> cooldowns.put(id, duration.toString()));
        JsonObject out = new JsonObject().put("caps", caps)
                .put("defaultCooldown", policies.defaultCooldown().toString()).put("cooldowns", cooldowns);
        policies.quietHours().ifPresent(q -> out.put("quietHours",
                new JsonObject().put("start", q.start().toString()).put("end", q.end().toString())));
        return out.put("controlGroup", new JsonObject().put("percent", policies.controlGroup().percent())
                        .put("salt", policies.controlGroup().salt()))
                .put("maxActions", policies.maxActions())
                .put("suppressingFacts", new JsonArray(policies.suppressingFacts()))
                .put("segmentFacts", new JsonArray(policies.segmentFacts()))
                .put("explore", policies.explore());
    }

    private static List<ContactCap> caps(Object value) {
        List<ContactCap> caps = new ArrayList<>();
        if (value == null) {
            return caps;
        }
        JsonArray array = Fields.array("policies.caps", value);
        for (int i = 0; i < array.size(); i++) {
            String path = "policies.caps[" + i + "]";
            JsonObject cap = Fields.object(path, array.getValue(i));
            String channelName = Fields.text(path + ".channel", cap.getValue("channel"));
            Channel channel = Channel.fromWireName(channelName)
                    .orElseThrow(() -> new InvalidField(path + ".channel", "unknown channel '" + channelName + "'"));
            ActionCategory category = ActionJson.category(path + ".category", cap.getValue("category"));
            long max = Fields.whole(path + ".max", cap.getValue("max"), -1);
            Duration period = Fields.duration(path + ".period", cap.getValue("period"), Duration.ofDays(1));
            caps.add(guard(path, () -> new ContactCap(channel, category, (int) Math.min(max, Integer.MAX_VALUE),
                    period)));
        }
        return caps;
    }

    private static Optional<QuietHours> quietHours(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        JsonObject hours = Fields.object("policies.quietHours", value);
        return Optional.of(guard("policies.quietHours", () -> new QuietHours(
                time("policies.quietHours.start", hours.getValue("start")),
                time("policies.quietHours.end", hours.getValue("end")))));
    }

    private static LocalTime time(String path, Object value) {
        String text = Fields.text(path, value);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField(path, "not a local time such as 21:00: " + text);
        }
    }

    private interface Make<T> {
        T make();
    }

    private static <T> T guard(String path, Make<T> make) {
        try {
            return make.make();
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ActionJson.fromEngine(path, e);
        }
    }
}
