package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

import java.util.Optional;

/**
 * {@code wm.kiosk.consent_update}: the shopper granted, denied or withdrew consent for a purpose on a channel;
 * {@code evidence} is e.g. an IAB TCF v2 string.
 */
public record ConsentUpdate(String sessionId, String purpose, String channel, ConsentState state,
                            Optional<String> evidence) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public ConsentUpdate {
        Check.text("sessionId", sessionId);
        Check.text("purpose", purpose);
        Check.text("channel", channel);
        Check.present("state", state);
        Check.optionalText("evidence", evidence);
    }
}
