package dev.waymark.cloud.internal.decision.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox's dead letters (rows in state {@code dead}) of the kinds starting with a prefix, and the state of
 * those kinds. Replaying a dead letter puts it back to {@code pending} with its attempts reset and the same
 * idempotency key, so a receiver that did apply it before drops the repeat; it keeps its place in its ordering key,
 * ahead of the younger messages still pending.
 */
public final class DeadLetters {

    /** One dead letter. */
    public record Letter(String id, String kind, String idempotencyKey, int attempts, String lastError,
            Instant createdAt, String payload) {
    }

    /** The state of one kind: messages per state, retrying ones, the age of the oldest pending one. */
    public record KindState(String kind, long pending, long retrying, long delivered, long dead, long lagMillis) {
    }

    private static final String REPLAY = "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? "
            + "WHERE state = 'dead' AND destination_kind LIKE ?";

    private final String prefix;

    /** Dead letters of the kinds starting with {@code prefix} ({@code crm.}). */
    public DeadLetters(String prefix) {
        this.prefix = prefix;
    }

    /** The dead letters, oldest first, at most {@code limit}. */
    public List<Letter> list(Connection c, int limit) throws SQLException {
        List<Letter> letters = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, destination_kind, idempotency_key, attempts, "
                + "last_error, created_at, payload FROM outbox WHERE state = 'dead' AND destination_kind LIKE ? "
                + "ORDER BY id LIMIT ?")) {
            select.setString(1, prefix + "%");
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    letters.add(new Letter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            Optional.ofNullable(rs.getString(5)).orElse(""), Instant.ofEpochMilli(rs.getLong(6)),
                            rs.getString(7)));
                }
            }
        }
        return letters;
    }

    /** Replays dead letter {@code id}; false when there is no such dead letter. */
    public boolean replay(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(REPLAY + " AND id = ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, prefix + "%");
            update.setString(3, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Replays every dead letter; returns how many. */
    public int replayAll(Connection c, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(REPLAY)) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, prefix + "%");
            return update.executeUpdate();
        }
    }

    /** Each kind's state at {@code now}, by kind name. */
    public Map<String, KindState> states(Connection c, Instant now) throws SQLException {
        Map<String, KindState> states = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT destination_kind, "
                + "SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN state = 'pending' AND attempts > 0 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), "
                + "MIN(CASE WHEN state = 'pending' THEN created_at END) "
                + "FROM outbox WHERE destination_kind LIKE ? GROUP BY destination_kind ORDER BY destination_kind")) {
            select.setString(1, prefix + "%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long oldest = rs.getLong(6);
                    long lag = rs.wasNull() ? 0 : Math.max(0, now.toEpochMilli() - oldest);
                    states.put(rs.getString(1), new KindState(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), lag));
                }
            }
        }
        return states;
    }
}
