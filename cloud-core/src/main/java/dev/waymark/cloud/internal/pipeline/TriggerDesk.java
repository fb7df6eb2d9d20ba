package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.decision.Decider;
import dev.waymark.cloud.internal.decision.Trigger;
import dev.waymark.journey.Intent;
import dev.waymark.journey.JourneyContext;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns a detected intent into a {@link Trigger} for the decider, from the event or timer that completed it. */
final class TriggerDesk {

    private final Decider decider;

    TriggerDesk(Decider decider) {
        this.decider = decider;
    }

    List<JsonObject> decide(Connection c, String profileId, Intent intent, JourneyContext journey,
            Optional<String> storeId, Optional<String> deviceId, Instant captureTime, Instant now)
            throws SQLException {
        Channel channel = attribute(intent, "channel").flatMap(Channel::fromWireName)
                .orElse(deviceId.isPresent() ? Channel.KIOSK : Channel.WEB);
        Trigger trigger = new Trigger(profileId, intent, channel, storeId, deviceId, attribute(intent, "sessionId"),
                journey, captureTime, now);
        return decider.onIntent(c, trigger);
    }

    private static Optional<String> attribute(Intent intent, String name) {
        return intent.attributes().get(name) instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
