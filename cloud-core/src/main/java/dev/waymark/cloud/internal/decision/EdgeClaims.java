package dev.waymark.cloud.internal.decision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Offline decisions a kiosk already showed ({@code edge-} impressions), so the cloud does not decide the same
 * moment again. An impression at {@code t} of an action with time to live {@code ttl} on a device claims that
 * profile on that device for triggers captured in {@code [t - ttl, t + ttl)}. The impression carries neither the
 * intent nor the session, so the device stands in for the session and any intent in the window is skipped.
 */
public final class EdgeClaims {

    /** Records the claim of one edge impression; a repeat is ignored. */
    public void claim(Connection c, String decisionId, String actionId, String profileId, String storeId,
            String deviceId, String placement, Instant shownAt, Duration ttl) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO edge_claims (decision_id, action_id, "
                + "profile_id, store_id, device_id, placement, shown_at, until_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (decision_id, action_id) DO NOTHING")) {
            insert.setString(1, decisionId);
            insert.setString(2, actionId);
            insert.setString(3, profileId);
            insert.setString(4, storeId);
            insert.setString(5, deviceId);
            insert.setString(6, placement);
            insert.setLong(7, shownAt.toEpochMilli());
            insert.setLong(8, shownAt.plus(ttl).toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The edge decision id claiming a trigger captured at {@code captureTime} on this device, if any. */
    public Optional<String> claimedBy(Connection c, String profileId, String storeId, String deviceId,
            Instant captureTime) throws SQLException {
        long at = captureTime.toEpochMilli();
        try (PreparedStatement select = c.prepareStatement("SELECT decision_id FROM edge_claims WHERE profile_id = ? "
                + "AND store_id = ? AND device_id = ? AND until_at > ? AND shown_at - (until_at - shown_at) <= ? "
                + "ORDER BY shown_at DESC LIMIT 1")) {
            select.setString(1, profileId);
            select.setString(2, storeId);
            select.setString(3, deviceId);
            select.setLong(4, at);
            select.setLong(5, at);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
