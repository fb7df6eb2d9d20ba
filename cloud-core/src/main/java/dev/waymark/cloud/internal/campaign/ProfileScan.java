package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.internal.decision.ProfileFacts;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyContextCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a partition's live profiles with their journeys, in profile id order, a chunk at a time. */
final class ProfileScan {

    /** A profile without a journey: its journey facts are the same for all, so computed once. */
    private static final JourneyContext NO_JOURNEY = JourneyContext.empty("-");
    private static final Map<String, Object> NO_JOURNEY_FACTS = NO_JOURNEY.facts();

    /** A profile, the rules' {@code profile} facts and its journey facts (the same for every profile without one). */
    record Row(String profileId, Map<String, Object> profile, Map<String, Object> journey) {
    }

    private ProfileScan() {
    }

    /** Up to {@code limit} profiles after the lease's checkpoint, within its range. */
    static List<Row> next(Connection c, PartitionLease lease, int limit) throws SQLException {
        boolean bounded = !lease.highKey().isEmpty();
        String sql = "SELECT p.profile_id, j.context FROM profiles p LEFT JOIN journeys j "
                + "ON j.profile_id = p.profile_id WHERE p.profile_id > ?" + (bounded ? " AND p.profile_id <= ?" : "")
                // Not "merged_into IS NULL": without statistics SQLite would pick that index and sort every live
                // profile for each chunk; written this way it walks the primary key from the checkpoint.
                + " AND COALESCE(p.merged_into, '') = '' ORDER BY p.profile_id LIMIT ?";
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
                    if (context == null) {
                        rows.add(new Row(profileId, ProfileFacts.of(profileId, NO_JOURNEY), NO_JOURNEY_FACTS));
                    } else {
                        JourneyContext journey = JourneyContextCodec.read(context);
                        rows.add(new Row(profileId, ProfileFacts.of(profileId, journey), journey.facts()));
                    }
                }
            }
        }
        return rows;
    }
}
