package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

import java.time.Instant;

/**
 * {@code wm.device.status}: the device's state; {@code deviceTime} is its own clock, for skew.
 */
public record DeviceStatus(DeviceState status, String softwareVersion, long bufferDepth, Instant deviceTime)
        implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public DeviceStatus {
        Check.present("status", status);
        Check.text("softwareVersion", softwareVersion);
        Check.notNegative("bufferDepth", bufferDepth);
        Check.present("deviceTime", deviceTime);
    }
}
