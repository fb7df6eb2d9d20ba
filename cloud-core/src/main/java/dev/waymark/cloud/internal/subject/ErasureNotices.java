package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.decision.outbox.OutboxMessage;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells the CRM connector to delete an erased profile: an outbox message of kind {@value #KIND}, written in the
 * erasure's transaction, with the body {@code {"type":"profile.erased","profileId":...,"erasureId":...}}. The
 * profile id is the one datum it keeps, because the CRM needs it; {@link #sweep} removes the message once delivered.
 */
final class ErasureNotices {

    /** The outbox destination kind the CRM connector delivers. */
    static final String KIND = "crm";
    static final String TYPE = "profile.erased";

    private final Outbox outbox;
    private final UlidGenerator ids;

    ErasureNotices(Outbox outbox, UlidGenerator ids) {
        this.outbox = outbox;
        this.ids = ids;
    }

    /**
     * Queues the notice for {@code profileId}, the erasure's {@code index}th: the idempotency key is made of those
     * two, so that the profile id is in the body only.
     */
    void enqueue(Connection c, String profileId, String erasureId, int index, Instant now) throws SQLException {
        String body = new JsonObject().put("type", TYPE).put("profileId", profileId).put("erasureId", erasureId)
                .encode();
        outbox.enqueue(c, OutboxMessage.create(ids.next().value(), KIND, KIND, body,
                "erasure:" + erasureId + ":" + index, Optional.empty(), now));
    }

    /** Deletes delivered notices, the last copy of an erased profile's id; how many. */
    static int sweep(Connection c) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE destination_kind = ? "
                + "AND state = 'delivered' AND payload LIKE ?")) {
            delete.setString(1, KIND);
            delete.setString(2, "{\"type\":\"" + TYPE + "\"%");
            return delete.executeUpdate();
        }
    }
}
