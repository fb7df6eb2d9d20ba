package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.session_start}: a shopper starts using a kiosk.
 */
public record SessionStart(String sessionId, String locale) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public SessionStart {
        Check.text("sessionId", sessionId);
        Check.text("locale", locale);
    }
}
