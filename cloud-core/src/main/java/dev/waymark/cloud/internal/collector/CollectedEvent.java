package dev.waymark.cloud.internal.collector;

import java.util.Objects;

/**
 * One call turned into a masked, encoded CloudEvent, ready for the event log.
 *
 * @param key   the log key, {@code web:{writeKey}:{userId token or anonymousId}}
 * @param id    the event id (the call's messageId, or a ULID made for it)
 * @param type  the CloudEvents type, e.g. {@code wm.web.track}
 * @param bytes the encoded event, UTF-8 JSON
 */
record CollectedEvent(String key, String id, String type, byte[] bytes) {

    CollectedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
    }
}
