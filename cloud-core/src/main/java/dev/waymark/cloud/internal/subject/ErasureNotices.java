package dev.waymark.cloud.internal.subject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The CRM's erasure notices ({@link SubjectRights.CrmNotice}): one outbox message per configured connector, type
 * {@value #TYPE}. The profile id is the one datum such a message keeps, because the CRM needs it; {@link #sweep}
 * removes the message once delivered.
 */
final class ErasureNotices {

    static final String TYPE = "profile.erased";

    private ErasureNotices() {
    }

    /** Deletes delivered notices, the last copy of an erased profile's id; how many. */
    static int sweep(Connection c) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE destination_kind LIKE 'crm.%' "
                + "AND state = 'delivered' AND payload LIKE ?")) {
            delete.setString(1, "%\"type\":\"" + TYPE + "\"%");
            return delete.executeUpdate();
        }
    }
}
