package dev.waymark.cloud.internal.collector;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * What the collector knows about a request besides its calls.
 *
 * @param writeKey      the authenticated write key
 * @param gpc           true when the request carried {@code Sec-GPC: 1}
 * @param receivedAt    when the request arrived, on the collector's clock
 * @param sharedContext a batch's top-level {@code context}, merged under each call's own; empty for single calls
 * @param sharedSentAt  a batch's top-level {@code sentAt}, or {@link JsonValue#NULL} when absent
 */
record Receipt(String writeKey, boolean gpc, Instant receivedAt, JsonObject sharedContext, JsonValue sharedSentAt) {

    Receipt {
        Objects.requireNonNull(writeKey, "writeKey");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sharedContext, "sharedContext");
        Objects.requireNonNull(sharedSentAt, "sharedSentAt");
    }

    /** The receipt of a single call: nothing shared. */
    static Receipt single(String writeKey, boolean gpc, Instant receivedAt) {
        return new Receipt(writeKey, gpc, receivedAt, JsonValue.EMPTY_JSON_OBJECT, JsonValue.NULL);
    }

    /** This receipt with a batch's shared context and sentAt. */
    Receipt sharing(JsonObject context, JsonValue sentAt) {
        return new Receipt(writeKey, gpc, receivedAt, context, sentAt);
    }
}
