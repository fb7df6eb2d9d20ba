package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;
import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * {@code wm.web.identify}: a Segment-spec identify call; {@code traits} may hold personal data
 * ({@code traits.email}, {@code traits.phone}, names, address), declared in the catalog.
 */
public record WebIdentify(Optional<String> anonymousId, Optional<String> userId, JsonObject traits, JsonObject context)
        implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public WebIdentify {
        Check.identity(anonymousId, userId);
        Check.present("context", context);
        Check.present("traits", traits);
    }
}
