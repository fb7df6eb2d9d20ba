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

    /** Deletes delivered notices, the last copy of an erased profile's id; how many. */
    static int sweep(Connection c) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE destination_kind LIKE 'crm.%' "
                + "AND state = 'delivered' AND payload LIKE ?")) {
            delete.setString(1, "%\"type\":\"" + CrmMessage.ERASED + "\"%");
            return delete.executeUpdate();
        }
    }
}
