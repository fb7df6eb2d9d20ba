package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.internal.crm.CrmMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The CRM's erasure notices ({@link SubjectRights.CrmNotice}): one outbox message per configured connector, type
 * {@link CrmMessage#ERASED}. The profile id is the one datum such a message keeps, because the CRM needs it;
 * {@link #sweep} removes the message once delivered.
 */
final class ErasureNotices {

    private ErasureNotices() {
    }

    /**
     * Deletes delivered notices, the last copy of an erased profile's id, last attempted after {@code afterMillis}
     * (epoch ms; 0 for all). The claim moves {@code next_attempt_at} to the attempt's lease, so the outbox's due
     * index narrows the search to messages finished since the previous sweep. How many it deleted.
     */
    static int sweep(Connection c, long afterMillis) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE state = 'delivered' "
                + "AND next_attempt_at > ? AND destination_kind LIKE 'crm.%' AND payload LIKE ?")) {
            delete.setLong(1, afterMillis);
            delete.setString(2, "%\"type\":\"" + CrmMessage.ERASED + "\"%");
            return delete.executeUpdate();
        }
    }
}
