package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;
import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * {@code wm.web.page}: a Segment-spec page call; at least one of {@code anonymousId} and {@code userId}.
 */
public record WebPage(Optional<String> anonymousId, Optional<String> userId, Optional<String> name,
                      JsonObject properties, JsonObject context) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public WebPage {
        Check.identity(anonymousId, userId);
        Check.present("context", context);
        Check.optionalText("name", name);
        Check.present("properties", properties);
    }
}
