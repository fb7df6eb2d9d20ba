package dev.waymark.protocol.event;

import dev.waymark.protocol.Topics;
import dev.waymark.protocol.internal.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * One device in a {@link HubReport}.
 *
 * @param deviceId   the device
 * @param online     connected to the hub when the report was made
 * @param lastSeen   the hub's clock at the device's last connect, publish or disconnect
 * @param skewMillis device clock minus hub clock from its last status or heartbeat; absent before the first
 */
public record HubDevice(String deviceId, boolean online, Instant lastSeen, Optional<Long> skewMillis) {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public HubDevice {
        Topics.requireSegment("deviceId", deviceId);
        Check.present("lastSeen", lastSeen);
        Check.present("skewMillis", skewMillis);
    }
}
