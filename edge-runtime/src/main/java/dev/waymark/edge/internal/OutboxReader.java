package dev.waymark.edge.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** The uplink's read side of the outbox: the next batch after a cursor, as one CloudEvents JSON batch. */
final class OutboxReader implements AutoCloseable {

    /** Rows from {@code from} to {@code to} (inclusive) as a JSON batch payload. */
    record Batch(long from, long to, int events, byte[] payload) {
    }

    private final Connection connection;
    private final PreparedStatement next;

    OutboxReader(Connection connection) throws SQLException {
        this.connection = connection;
        this.next = connection.prepareStatement("SELECT seq, body FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?");
    }

    /** The next rows after {@code cursor}, at most {@code maxEvents} and about {@code maxBytes}; empty when none. */
    Optional<Batch> after(long cursor, int maxEvents, int maxBytes) throws SQLException {
        next.setLong(1, cursor);
        next.setInt(2, maxEvents);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        long from = -1;
        long to = -1;
        int events = 0;
        try (ResultSet rs = next.executeQuery()) {
            while (rs.next()) {
                byte[] body = rs.getBytes(2);
                if (events > 0 && out.size() + body.length + 2 > maxBytes) {
                    break;
                }
                if (events > 0) {
                    out.write(',');
                }
                out.writeBytes(body);
                long seq = rs.getLong(1);
                from = events == 0 ? seq : from;
                to = seq;
                events++;
            }
        }
        if (events == 0) {
            return Optional.empty();
        }
        out.write(']');
        return Optional.of(new Batch(from, to, events, out.toByteArray()));
    }

    @Override
    public void close() throws SQLException {
        next.close();
        connection.close();
    }
}
