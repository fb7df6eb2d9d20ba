package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

import java.time.Instant;

/**
 * {@code wm.device.heartbeat}: periodic liveness; the hub measures clock skew from {@code deviceTime}.
 */
public record Heartbeat(String softwareVersion, long bufferDepth, Instant deviceTime) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public Heartbeat {
        Check.text("softwareVersion", softwareVersion);
        Check.notNegative("bufferDepth", bufferDepth);
        Check.present("deviceTime", deviceTime);
    }
}
