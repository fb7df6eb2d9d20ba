package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.session_end}: a kiosk session ends; {@code reason} is e.g. {@code timeout}, {@code user}, {@code
 * checkout}.
 */
public record SessionEnd(String sessionId, String reason, long durationMs) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public SessionEnd {
        Check.text("sessionId", sessionId);
        Check.text("reason", reason);
        Check.notNegative("durationMs", durationMs);
    }
}
