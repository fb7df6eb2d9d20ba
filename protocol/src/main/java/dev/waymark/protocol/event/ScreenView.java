package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.screen_view}: a kiosk screen was shown.
 */
public record ScreenView(String sessionId, String screen) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public ScreenView {
        Check.text("sessionId", sessionId);
        Check.text("screen", screen);
    }
}
