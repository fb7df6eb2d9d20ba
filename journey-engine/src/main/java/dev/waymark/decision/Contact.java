package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One action shown or sent to the customer: what contact policy counts against caps and cooldowns.
 *
 * @param actionId the action
 * @param channel  where it was shown or sent
 * @param category its category
 * @param at       when (the host's clock)
 */
public record Contact(String actionId, Channel channel, ActionCategory category, Instant at) {

    public Contact {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(at, "at");
    }
}
