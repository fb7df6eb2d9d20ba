package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;
import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * {@code wm.web.track}: a Segment-spec track call; at least one of {@code anonymousId} and {@code userId}.
 */
public record WebTrack(Optional<String> anonymousId, Optional<String> userId, String event, JsonObject properties,
                       JsonObject context) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public WebTrack {
        Check.identity(anonymousId, userId);
        Check.present("context", context);
        Check.text("event", event);
        Check.present("properties", properties);
    }
}
