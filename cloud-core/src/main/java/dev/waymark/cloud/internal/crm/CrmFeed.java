package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.decision.outbox.OutboxMessage;
import dev.waymark.protocol.UlidGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@link CrmMessage}s into the outbox inside the caller's transaction, one row per configured connector
 * kind. Rows of one profile and connector share an ordering key, so they are delivered one at a time in the order
 * written; the idempotency key is {@code kind:messageId}, so writing a change twice keeps one row.
 */
final class CrmFeed {

    /** The outbox kind of the generic signed webhook. */
    static final String WEBHOOK = "crm.webhook";
    /** The outbox kind of the Salesforce-style connector. */
    static final String SALESFORCE = "crm.salesforce";
    /** The prefix of every CRM outbox kind. */
    static final String PREFIX = "crm.";

    private final Outbox outbox;
    private final UlidGenerator ids;
    private final List<String> kinds;
    private final Clock clock;

    CrmFeed(Outbox outbox, UlidGenerator ids, List<String> kinds, Clock clock) {
        this.outbox = outbox;
        this.ids = ids;
        this.kinds = List.copyOf(kinds);
        this.clock = clock;
    }

    /** False when no connector is configured: nothing is written. */
    boolean sends() {
        return !kinds.isEmpty();
    }

    /** Writes {@code message} for every connector. */
    void publish(Connection c, CrmMessage message) throws SQLException {
        String payload = message.json().encode();
        Instant now = clock.instant();
        for (String kind : kinds) {
            outbox.enqueue(c, OutboxMessage.create(ids.next().value(), kind, "crm", payload,
                    kind + ":" + message.id(), Optional.empty(), now)
                    .inOrderOf(kind + ":" + message.profileId()));
        }
    }
}
