package dev.waymark.cloud.internal.decision.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message waiting in the transactional outbox.
 *
 * @param id             the row id (a ULID)
 * @param kind           {@link #DEVICE}, {@link #WEBHOOK} or a connector's own kind ({@code crm.webhook} ...)
 * @param destination    for a device {@code store/device}; for a webhook the connector's name
 * @param payload        the JSON body to deliver
 * @param idempotencyKey the same on every attempt, so the receiver can drop repeats
 * @param attempts       delivery attempts made so far
 * @param nextAttemptAt  when the next attempt is due
 * @param expiresAt      after this, the message is not delivered at all
 * @param createdAt      when it was written
 * @param orderingKey    messages sharing a key are delivered one at a time, oldest first (a CRM profile); a
 *                       retrying message holds back the younger ones; empty: no order
 */
public record OutboxMessage(String id, String kind, String destination, String payload, String idempotencyKey,
        int attempts, Instant nextAttemptAt, Optional<Instant> expiresAt, Instant createdAt,
        Optional<String> orderingKey) {

    /** A protocol {@code Action} for a kiosk. */
    public static final String DEVICE = "device";
    /** A signed HTTP POST to the configured webhook. */
    public static final String WEBHOOK = "webhook";

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(orderingKey, "orderingKey");
    }

    /** A message without an ordering key. */
    public OutboxMessage(String id, String kind, String destination, String payload, String idempotencyKey,
            int attempts, Instant nextAttemptAt, Optional<Instant> expiresAt, Instant createdAt) {
        this(id, kind, destination, payload, idempotencyKey, attempts, nextAttemptAt, expiresAt, createdAt,
                Optional.empty());
    }

    /** A new message, due at once. */
    public static OutboxMessage create(String id, String kind, String destination, String payload,
            String idempotencyKey, Optional<Instant> expiresAt, Instant now) {
        return new OutboxMessage(id, kind, destination, payload, idempotencyKey, 0, now, expiresAt, now);
    }

    /** This message, delivered in order with the others of {@code key}. */
    public OutboxMessage inOrderOf(String key) {
        return new OutboxMessage(id, kind, destination, payload, idempotencyKey, attempts, nextAttemptAt, expiresAt,
                createdAt, Optional.of(key));
    }
}
