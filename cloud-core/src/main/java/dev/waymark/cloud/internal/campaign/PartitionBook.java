package dev.waymark.cloud.internal.campaign;

import dev.waymark.protocol.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code campaign_partitions} table: a started campaign's profile key ranges, each claimed by one runner at a
 * time with a lease, with its checkpoint and counters.
 */
final class PartitionBook {

    /**
     * Starts a scheduled campaign: splits the live profiles into at most {@code partitions} key ranges of about
     * equal size and marks it running. Profiles created later land in one of the ranges too.
     */
    void start(Connection c, String campaignId, int partitions, Instant now) throws SQLException {
        List<String> bounds = bounds(c, partitions);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign_partitions (campaign_id, "
                + "partition, low_key, high_key, checkpoint, done, owner, lease_until, scanned, in_segment, decided, "
                + "sent, suppressed, control) VALUES (?, ?, ?, ?, ?, 0, NULL, 0, 0, 0, 0, 0, 0, 0)")) {
            for (int i = 0; i <= bounds.size(); i++) {
                String low = i == 0 ? "" : bounds.get(i - 1);
                insert.setString(1, campaignId);
                insert.setInt(2, i);
                insert.setString(3, low);
                insert.setString(4, i == bounds.size() ? "" : bounds.get(i));
                insert.setString(5, low);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET state = ?, started_at = ? "
                + "WHERE campaign_id = ? AND state = ?")) {
            update.setString(1, CampaignState.RUNNING.wireName());
            update.setLong(2, now.toEpochMilli());
            update.setString(3, campaignId);
            update.setString(4, CampaignState.SCHEDULED.wireName());
            update.executeUpdate();
        }
    }

    /** Upper bounds (inclusive) of every range but the last, each the id of about every n/P-th profile. */
    private static List<String> bounds(Connection c, int partitions) throws SQLException {
        long profiles;
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM profiles WHERE merged_into IS NULL")) {
            rs.next();
            profiles = rs.getLong(1);
        }
        List<String> bounds = new ArrayList<>();
        // As ProfileScan's query: walk the primary key, not the merged_into index and a sort.
        try (PreparedStatement select = c.prepareStatement("SELECT profile_id FROM profiles WHERE "
                + "COALESCE(merged_into, '') = '' ORDER BY profile_id LIMIT 1 OFFSET ?")) {
            for (int i = 1; i < partitions; i++) {
                select.setLong(1, profiles * i / partitions);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next() && (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(rs.getString(1)))) {
                        bounds.add(rs.getString(1));
                    }
                }
            }
        }
        return bounds;
    }

    /**
     * Claims a partition of a running campaign for {@code owner} until {@code until}: one nobody holds, or whose
     * lease ended (its runner died). Empty when there is none.
     */
    Optional<PartitionLease> claim(Connection c, String owner, Instant now, Instant until) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT p.campaign_id, p.partition, p.high_key, "
                + "p.checkpoint, c.segment, c.channel, c.placement FROM campaign_partitions p JOIN campaigns c "
                + "ON c.campaign_id = p.campaign_id WHERE c.state = ? AND p.done = 0 AND (p.owner IS NULL "
                + "OR p.lease_until < ?) ORDER BY c.started_at, p.campaign_id, p.partition LIMIT 1")) {
            select.setString(1, CampaignState.RUNNING.wireName());
            select.setLong(2, now.toEpochMilli());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PartitionLease lease = new PartitionLease(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), owner, until, rs.getString(5),
                        Channel.fromWireName(rs.getString(6)).orElseThrow(), rs.getString(7));
                try (PreparedStatement update = c.prepareStatement("UPDATE campaign_partitions SET owner = ?, "
                        + "lease_until = ? WHERE campaign_id = ? AND partition = ? AND checkpoint = ? "
                        + "AND (owner IS NULL OR lease_until < ?)")) {
                    // Re-checked here: on PostgreSQL a replica claiming the same row at once waits, then misses.
                    update.setString(1, owner);
                    update.setLong(2, until.toEpochMilli());
                    update.setString(3, lease.campaignId());
                    update.setInt(4, lease.partition());
                    update.setString(5, lease.checkpoint());
                    update.setLong(6, now.toEpochMilli());
                    return update.executeUpdate() == 1 ? Optional.of(lease) : Optional.empty();
                }
            }
        }
    }

    /**
     * Commits a chunk: moves the checkpoint to {@code lastDone}, adds {@code tally}, extends the lease and marks the
     * partition done when {@code done}. False, changing nothing, when the lease is no longer {@code lease}'s (a
     * replica took it over after it ended) or the campaign is no longer running (paused, cancelled).
     */
    boolean advance(Connection c, PartitionLease lease, String lastDone, Tally tally, boolean done, Instant until)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign_partitions SET checkpoint = ?, "
                + "done = ?, lease_until = ?, scanned = scanned + ?, in_segment = in_segment + ?, "
                + "decided = decided + ?, sent = sent + ?, suppressed = suppressed + ?, control = control + ? "
                + "WHERE campaign_id = ? AND partition = ? AND owner = ? AND checkpoint = ? AND EXISTS "
                + "(SELECT 1 FROM campaigns WHERE campaign_id = ? AND state = ?)")) {
            update.setString(1, lastDone);
            update.setInt(2, done ? 1 : 0);
            update.setLong(3, until.toEpochMilli());
            update.setLong(4, tally.scanned());
            update.setLong(5, tally.inSegment());
            update.setLong(6, tally.decided());
            update.setLong(7, tally.sent());
            update.setLong(8, tally.suppressed());
            update.setLong(9, tally.control());
            update.setString(10, lease.campaignId());
            update.setInt(11, lease.partition());
            update.setString(12, lease.owner());
            update.setString(13, lease.checkpoint());
            update.setString(14, lease.campaignId());
            update.setString(15, CampaignState.RUNNING.wireName());
            return update.executeUpdate() == 1;
        }
    }

    /** Gives the partition back (the campaign was paused), so any runner may take it on resume. */
    void release(Connection c, PartitionLease lease) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign_partitions SET owner = NULL, "
                + "lease_until = 0 WHERE campaign_id = ? AND partition = ? AND owner = ?")) {
            update.setString(1, lease.campaignId());
            update.setInt(2, lease.partition());
            update.setString(3, lease.owner());
            update.executeUpdate();
        }
    }
}
