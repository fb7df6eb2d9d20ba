package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

import java.util.Optional;

/**
 * {@code wm.kiosk.search}: a search; {@code query} is free text, so it is absent once masking dropped it.
 */
public record Search(String sessionId, Optional<String> query, int resultCount) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public Search {
        Check.text("sessionId", sessionId);
        Check.optionalText("query", query);
        Check.notNegative("resultCount", resultCount);
    }
}
