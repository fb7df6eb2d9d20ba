package dev.waymark.cloud.internal.decision;

import dev.waymark.journey.Intent;
import dev.waymark.journey.JourneyContext;
import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An intent the stream detected, for a triggered decision.
 *
 * @param profileId     the resolved profile
 * @param intent        the intent
 * @param channel       where the customer is ({@code KIOSK} for a device source, else the web/app channel)
 * @param storeId       the store of the device that captured the triggering event; empty for web/app
 * @param deviceId      that device; empty for web/app
 * @param sessionId     the kiosk or web session the intent belongs to, if known (the holdout key before the
 *                      profile is known)
 * @param journey       the profile's journey context after the event or timer
 * @param captureTime   the triggering event's time on the capturing device's clock (for a timer, its due time)
 * @param now           the cloud's clock
 */
public record Trigger(String profileId, Intent intent, Channel channel, Optional<String> storeId,
        Optional<String> deviceId, Optional<String> sessionId, JourneyContext journey, Instant captureTime,
        Instant now) {

    public Trigger {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(captureTime, "captureTime");
        Objects.requireNonNull(now, "now");
    }
}
