package dev.waymark.cloud.internal.decision.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox: messages are written in the same transaction as the state change that caused them,
 * and an {@link OutboxDrainer} delivers them later, at least once. States: {@code pending}, {@code delivered},
 * {@code dead} (gave up after the last attempt), {@code expired} (not sent: past its time to live). Messages with an
 * ordering key are due one at a time per key: only the oldest pending one (head of line), so a retrying message holds
 * back the younger ones of its key; a dead one no longer does.
 */
public final class Outbox {

    /** Writes {@code message}; a second message with the same idempotency key is ignored. */
    public void enqueue(Connection c, OutboxMessage message) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (id, destination_kind, destination, "
                + "payload, idempotency_key, attempts, next_attempt_at, expires_at, created_at, state, ordering_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (idempotency_key) DO NOTHING")) {
            insert.setString(1, message.id());
            insert.setString(2, message.kind());
            insert.setString(3, message.destination());
            insert.setString(4, message.payload());
            insert.setString(5, message.idempotencyKey());
            insert.setInt(6, message.attempts());
            insert.setLong(7, message.nextAttemptAt().toEpochMilli());
            if (message.expiresAt().isPresent()) {
                insert.setLong(8, message.expiresAt().get().toEpochMilli());
            } else {
                insert.setNull(8, Types.BIGINT);
            }
            insert.setLong(9, message.createdAt().toEpochMilli());
            insert.setString(10, message.orderingKey().orElse(null));
            insert.executeUpdate();
        }
    }

    /** Pending messages due at {@code now}, oldest due first; of an ordering key only its oldest pending one. */
    public List<OutboxMessage> due(Connection c, Instant now, int limit) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT o.id, o.destination_kind, o.destination, "
                + "o.payload, o.idempotency_key, o.attempts, o.next_attempt_at, o.expires_at, o.created_at, "
                + "o.ordering_key FROM outbox o WHERE o.state = 'pending' AND o.next_attempt_at <= ? "
                + "AND (o.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM outbox h WHERE h.ordering_key = "
                + "o.ordering_key AND h.state = 'pending' AND h.id < o.id)) "
                + "ORDER BY o.next_attempt_at, o.id LIMIT ?")) {
            select.setLong(1, now.toEpochMilli());
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long expires = rs.getLong(8);
                    Optional<Instant> expiresAt = rs.wasNull() ? Optional.empty()
                            : Optional.of(Instant.ofEpochMilli(expires));
                    out.add(new OutboxMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)), expiresAt,
                            Instant.ofEpochMilli(rs.getLong(9)), Optional.ofNullable(rs.getString(10))));
                }
            }
        }
        return out;
    }

    /**
     * Claims {@code due} messages until {@code leaseUntil}, so another drainer (a second replica) leaves them
     * alone while they are being delivered; returns those this caller won.
     */
    public List<OutboxMessage> claim(Connection c, List<OutboxMessage> due, Instant leaseUntil) throws SQLException {
        List<OutboxMessage> won = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox SET next_attempt_at = ? WHERE id = ? "
                + "AND state = 'pending' AND next_attempt_at = ?")) {
            for (OutboxMessage message : due) {
                update.setLong(1, leaseUntil.toEpochMilli());
                update.setString(2, message.id());
                update.setLong(3, message.nextAttemptAt().toEpochMilli());
                if (update.executeUpdate() == 1) {
                    won.add(message);
                }
            }
        }
        return won;
    }

    /** Marks a message delivered. */
    public void delivered(Connection c, String id, Instant at) throws SQLException {
        finish(c, id, "delivered", at, null);
    }

    /** Marks a message expired: never sent, its time to live passed. */
    public void expired(Connection c, String id, Instant at) throws SQLException {
        finish(c, id, "expired", null, "expired at " + at);
    }

    /** Marks a message dead after its last failed attempt. */
    public void dead(Connection c, String id, int attempts, String error) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox SET state = 'dead', attempts = ?, "
                + "last_error = ? WHERE id = ? AND state = 'pending'")) {
            update.setInt(1, attempts);
            update.setString(2, error);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    /** Records a failed attempt and when to try again. */
    public void retryAt(Connection c, String id, int attempts, String error, Instant next) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox SET attempts = ?, last_error = ?, "
                + "next_attempt_at = ? WHERE id = ? AND state = 'pending'")) {
            update.setInt(1, attempts);
            update.setString(2, error);
            update.setLong(3, next.toEpochMilli());
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    /** The age of the oldest pending message at {@code now}, zero when none: the outbox lag. */
    public long lagMillis(Connection c, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'");
                ResultSet rs = select.executeQuery()) {
            long oldest = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() || oldest == 0 ? 0 : Math.max(0, now.toEpochMilli() - oldest);
        }
    }

    /**
     * Deletes up to {@code limit} delivered or expired messages whose last attempt was before {@code before} (the
     * claim moves {@code next_attempt_at} to the attempt's lease, so the outbox's due index finds them); how many.
     * Pending and dead messages stay.
     */
    public int prune(Connection c, Instant before, int limit) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
                + "WHERE state IN ('delivered', 'expired') AND next_attempt_at < ? LIMIT ?)")) {
            delete.setLong(1, before.toEpochMilli());
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    /** Leaves {@code pending}; {@code at} (delivered_at) is null for a message that was never delivered. */
    private static void finish(Connection c, String id, String state, Instant at, String error) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox SET state = ?, delivered_at = ?, "
                + "last_error = COALESCE(?, last_error) WHERE id = ? AND state = 'pending'")) {
            update.setString(1, state);
            if (at == null) {
                update.setNull(2, Types.BIGINT);
            } else {
                update.setLong(2, at.toEpochMilli());
            }
            update.setString(3, error);
            update.setString(4, id);
            update.executeUpdate();
        }
    }
}
