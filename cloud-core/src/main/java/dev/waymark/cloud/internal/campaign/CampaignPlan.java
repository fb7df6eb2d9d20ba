package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.internal.decision.catalog.InvalidField;
import dev.waymark.decision.SegmentRule;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A campaign as asked for by {@code POST /v1/campaigns}, validated: its segment compiled.
 *
 * @param id        its id (generated when not given)
 * @param name      a label
 * @param segment   the compiled segment
 * @param channel   the channel its actions go out on first
 * @param placement the slot its actions fill
 * @param startAt   when it starts; now when empty
 */
record CampaignPlan(String id, String name, SegmentRule segment, Channel channel, String placement,
        Optional<Instant> startAt) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Reads {@code body}; throws {@link InvalidField} naming a bad field, {@link SegmentRejected} (422) when the
     * segment does not compile.
     */
    static CampaignPlan read(JsonObject body, String generatedId) {
        String id = text(body, "id").orElse(generatedId);
        if (!ID.matcher(id).matches()) {
            throw new InvalidField("id", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String name = text(body, "name").orElseThrow(() -> new InvalidField("name", "is required"));
        String source = text(body, "segment").orElseThrow(() -> new InvalidField("segment",
                "is required: a CEL expression over profile and journey, e.g. \"'web' in profile.channels\""));
        String channelName = text(body, "channel").orElseThrow(() -> new InvalidField("channel", "is required"));
        Channel channel = Channel.fromWireName(channelName).filter(c -> c != Channel.KIOSK).orElseThrow(() ->
                new InvalidField("channel", "must be one of web, app, push, sms, email (a kiosk is reached "
                        + "only while a customer stands at it)"));
        String placement = text(body, "placement").orElseThrow(() -> new InvalidField("placement", "is required"));
        Optional<Instant> startAt = text(body, "startAt").map(CampaignPlan::instant);
        SegmentRule segment;
        try {
            segment = SegmentRule.compile(source);
        } catch (IllegalArgumentException e) {
            throw new SegmentRejected(e.getMessage());
        }
        return new CampaignPlan(id, name, segment, channel, placement, startAt);
    }

    private static Optional<String> text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidField(field, "must be a non-empty string");
        }
        return Optional.of(text.strip());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField("startAt", "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        }
    }

    /** A segment that does not compile, with the CEL compiler's message (line and column). */
    static final class SegmentRejected extends RuntimeException {

        SegmentRejected(String message) {
            super(message, null, false, false);
        }
    }
}
