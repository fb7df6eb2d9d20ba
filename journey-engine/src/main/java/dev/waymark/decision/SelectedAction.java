package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * An action chosen by a decision.
 *
 * @param actionId  the action
 * @param category  its category
 * @param channel   the channel it goes out on
 * @param placement the slot it fills
 * @param score     its score parts
 * @param expiresAt decision time plus the action's time to live
 */
public record SelectedAction(
        String actionId, ActionCategory category, Channel channel, String placement, ScoreParts score,
        Instant expiresAt) {

    public SelectedAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
