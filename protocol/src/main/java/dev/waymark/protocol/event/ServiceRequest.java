package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

import java.util.Optional;

/**
 * {@code wm.kiosk.service_request}: the shopper asked for help; {@code note} is free text.
 */
public record ServiceRequest(String sessionId, String topic, Optional<String> note) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public ServiceRequest {
        Check.text("sessionId", sessionId);
        Check.text("topic", topic);
        Check.optionalText("note", note);
    }
}
