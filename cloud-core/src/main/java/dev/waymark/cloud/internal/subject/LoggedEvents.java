package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.Identifiers;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A family's events still in the embedded event log (appended, not yet pruned): those carrying one of its
 * identifiers, or naming one of its decisions (outcomes). Consumed entries are pruned, so this is the log's tail.
 */
final class LoggedEvents {

    private static final EventCodec CODEC = EventCodec.create();

    private LoggedEvents() {
    }

    /** The matching entries' events, in log order, as JSON (an unreadable entry as its text). */
    static JsonArray export(Connection c, MergeFamily family) throws SQLException {
        JsonArray events = new JsonArray();
        for (Entry entry : matching(c, family)) {
            try {
                events.add(new JsonObject(entry.payload()));
            } catch (RuntimeException notJson) {
                events.add(entry.payload());
            }
        }
        return events;
    }

    /** Deletes the matching entries; how many. */
    static int delete(Connection c, MergeFamily family) throws SQLException {
        int deleted = 0;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM event_log WHERE position = ?")) {
            for (Entry entry : matching(c, family)) {
                delete.setLong(1, entry.position());
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    private record Entry(long position, String payload) {
    }

    private static List<Entry> matching(Connection c, MergeFamily family) throws SQLException {
        Set<Identifier> identities = new HashSet<>(family.identities());
        List<String> texts = new ArrayList<>(family.decisionIds());
        family.identities().forEach(identifier -> texts.add(identifier.value()));
        List<Entry> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT position, log_key, payload FROM event_log ORDER BY position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String key = rows.getString(2);
                String payload = rows.getString(3);
                if (texts.contains(key) || carries(payload, identities) || texts.stream().anyMatch(payload::contains)) {
                    found.add(new Entry(rows.getLong(1), payload));
                }
            }
        }
        return found;
    }

    // A kiosk session identifier ({store}/{device}/{session}) is not in the payload as such: decoding finds it.
    private static boolean carries(String payload, Set<Identifier> identities) {
        Decoded<CloudEvent> decoded = CODEC.decode(payload.getBytes(StandardCharsets.UTF_8));
        if (decoded instanceof Decoded.Rejected<CloudEvent>) {
            return false;
        }
        return Identifiers.of(decoded.orElseThrow()).stream().anyMatch(identities::contains);
    }
}
