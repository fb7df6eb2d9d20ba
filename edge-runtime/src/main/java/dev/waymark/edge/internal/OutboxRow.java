package dev.waymark.edge.internal;

import java.util.Objects;

/**
 * One masked, encoded event as the outbox keeps it.
 *
 * @param sequence the device sequence number, the row's key and the delivery order
 * @param id       the event's ULID
 * @param type     its type
 * @param priority what the overflow policy may drop first
 * @param body     the encoded CloudEvent (UTF-8 JSON)
 */
record OutboxRow(long sequence, String id, String type, Priority priority, byte[] body) {

    OutboxRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(body, "body");
    }
}
