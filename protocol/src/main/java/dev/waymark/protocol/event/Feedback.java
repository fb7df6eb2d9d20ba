package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

import java.util.Optional;

/**
 * {@code wm.kiosk.feedback}: a rating from 1 to 5 and an optional free-text comment.
 */
public record Feedback(String sessionId, int rating, Optional<String> comment) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public Feedback {
        Check.text("sessionId", sessionId);
        Check.range("rating", rating, 1, 5);
        Check.optionalText("comment", comment);
    }
}
