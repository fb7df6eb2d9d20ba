package dev.waymark.cloud.internal.campaign;

import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyContextCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a partition's live profiles with their journeys, in profile id order, a chunk at a time. */
final class ProfileScan {

    /** A profile and its journey (empty when it has none). */
    record Row(String profileId, JourneyContext journey) {
    }

    private ProfileScan() {
    }

    /** Up to {@code limit} profiles after the lease's checkpoint, within its range. */
    static List<Row> next(Connection c, PartitionLease lease, int limit) throws SQLException {
        boolean bounded = !lease.highKey().isEmpty();
        String sql = "SELECT p.profile_id, j.context FROM profiles p LEFT JOIN journeys j "
                + "ON j.profile_id = p.profile_id WHERE p.profile_id > ?" + (bounded ? " AND p.profile_id <= ?" : "")
                + " AND p.merged_into IS NULL ORDER BY p.profile_id LIMIT ?";
        List<Row> rows = new ArrayList<>(limit);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            select.setString(i++, lease.checkpoint());
            if (bounded) {
                select.setString(i++, lease.highKey());
            }
            select.setInt(i, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String profileId = rs.getString(1);
                    String context = rs.getString(2);
                    rows.add(new Row(profileId, context == null ? JourneyContext.empty(profileId)
                            : JourneyContextCodec.read(context)));
                }
            }
        }
        return rows;
    }
}
