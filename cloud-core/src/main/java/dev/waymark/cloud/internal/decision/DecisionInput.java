package dev.waymark.cloud.internal.decision;

import dev.waymark.decision.DecisionMode;
import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one decision is asked: the facts beside the ones the host reads itself (consent, contact history).
 *
 * @param mode      inbound or triggered
 * @param profileId the profile, also the holdout key
 * @param channel   where the customer is
 * @param placement the slot to fill
 * @param intent    the intent of a triggered decision
 * @param journey   journey facts
 * @param profile   profile facts
 * @param event     the triggering event's facts (the intent's attributes)
 * @param context   request context
 * @param now       the cloud's clock
 */
public record DecisionInput(DecisionMode mode, String profileId, Channel channel, String placement,
        Optional<String> intent, Map<String, Object> journey, Map<String, Object> profile, Map<String, Object> event,
        Map<String, Object> context, Instant now) {

    public DecisionInput {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(now, "now");
    }
}
