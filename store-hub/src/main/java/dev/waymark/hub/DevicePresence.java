package dev.waymark.hub;

import dev.waymark.protocol.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the hub knows about one device of its store.
 *
 * @param deviceId the device
 * @param online   connected to the hub now
 * @param lastSeen the hub's clock at the device's last connect, publish or disconnect
 * @param skew     device clock minus hub clock, from its last status heartbeat; empty before the first
 */
public record DevicePresence(String deviceId, boolean online, Instant lastSeen, Optional<Duration> skew) {

    /** Validates; throws IllegalArgumentException or NullPointerException naming the field. */
    public DevicePresence {
        Topics.requireSegment("deviceId", deviceId);
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(skew, "skew");
    }
}
