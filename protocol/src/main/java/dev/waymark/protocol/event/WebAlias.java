package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.web.alias}: a Segment-spec alias call linking {@code previousId} to {@code userId}.
 */
public record WebAlias(String previousId, String userId) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public WebAlias {
        Check.text("previousId", previousId);
        Check.text("userId", userId);
    }
}
