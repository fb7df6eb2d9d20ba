package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.internal.decision.catalog.InvalidField;
import dev.waymark.protocol.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** The {@code campaigns} table: definitions, states and progress summed over their partitions. */
final class CampaignBook {

    private static final String COLUMNS = "c.campaign_id, c.name, c.segment, c.channel, c.placement, c.start_at, "
            + "c.state, c.created_at, c.started_at, c.finished_at, c.note, COUNT(p.partition), "
            + "COALESCE(SUM(p.done), 0), COALESCE(SUM(p.scanned), 0), COALESCE(SUM(p.in_segment), 0), "
            + "COALESCE(SUM(p.decided), 0), COALESCE(SUM(p.sent), 0), COALESCE(SUM(p.suppressed), 0), "
            + "COALESCE(SUM(p.control), 0)";
    private static final String FROM = " FROM campaigns c LEFT JOIN campaign_partitions p "
            + "ON p.campaign_id = c.campaign_id";
    private static final String GROUP = " GROUP BY c.campaign_id, c.name, c.segment, c.channel, c.placement, "
            + "c.start_at, c.state, c.created_at, c.started_at, c.finished_at, c.note";
    /** The states an operator may move a campaign out of, by target state. */
    private static final Map<CampaignState, Set<CampaignState>> MOVES = Map.of(
            CampaignState.PAUSED, Set.of(CampaignState.SCHEDULED, CampaignState.RUNNING),
            CampaignState.RUNNING, Set.of(CampaignState.PAUSED),
            CampaignState.CANCELLED, Set.of(CampaignState.SCHEDULED, CampaignState.RUNNING, CampaignState.PAUSED));

    /** Adds a scheduled campaign; throws InvalidField on {@code id} when one with that id exists. */
    void create(Connection c, CampaignPlan plan, Instant now) throws SQLException {
        if (find(c, plan.id()).isPresent()) {
            throw new InvalidField("id", "a campaign '" + plan.id() + "' exists already");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaigns (campaign_id, name, segment, "
                + "channel, placement, start_at, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.id());
            insert.setString(2, plan.name());
            insert.setString(3, plan.segment().source());
            insert.setString(4, plan.channel().wireName());
            insert.setString(5, plan.placement());
            insert.setLong(6, plan.startAt().orElse(now).toEpochMilli());
            insert.setString(7, CampaignState.SCHEDULED.wireName());
            insert.setLong(8, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The campaign with its progress. */
    Optional<Campaign> find(Connection c, String id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + FROM + " WHERE c.campaign_id = ?" + GROUP, id).stream().findFirst();
    }

    /** Every campaign, newest first. */
    List<Campaign> list(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + FROM + GROUP + " ORDER BY c.created_at DESC, c.campaign_id", null);
    }

    /**
     * Moves the campaign to {@code target} (paused, running, cancelled) and returns it; throws
     * NoSuchElementException for an unknown id and IllegalStateException when its state does not allow the move.
     */
    Campaign move(Connection c, String id, CampaignState target, Instant now) throws SQLException {
        Campaign campaign = find(c, id)
                .orElseThrow(() -> new NoSuchElementException("id: no campaign '" + id + "'"));
        if (!MOVES.get(target).contains(campaign.state())) {
            throw new IllegalStateException("a " + campaign.state().wireName() + " campaign cannot be "
                    + (target == CampaignState.RUNNING ? "resumed" : target.wireName()));
        }
        // A paused campaign that never started goes back to waiting for its start time.
        CampaignState next = target == CampaignState.RUNNING && campaign.startedAt().isEmpty()
                ? CampaignState.SCHEDULED : target;
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET state = ?, finished_at = ? "
                + "WHERE campaign_id = ?")) {
            update.setString(1, next.wireName());
            if (next.finished()) {
                update.setLong(2, now.toEpochMilli());
            } else {
                update.setNull(2, Types.BIGINT);
            }
            update.setString(3, id);
            update.executeUpdate();
        }
        return find(c, id).orElseThrow();
    }

    /** Scheduled campaigns whose start time has come, oldest first. */
    List<String> due(Connection c, Instant now) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT campaign_id FROM campaigns WHERE state = ? "
                + "AND start_at <= ? ORDER BY start_at, campaign_id")) {
            select.setString(1, CampaignState.SCHEDULED.wireName());
            select.setLong(2, now.toEpochMilli());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Marks a running campaign whose partitions are all done as done. */
    void finishIfDone(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET state = ?, finished_at = ? "
                + "WHERE campaign_id = ? AND state = ? AND NOT EXISTS (SELECT 1 FROM campaign_partitions "
                + "WHERE campaign_id = ? AND done = 0)")) {
            update.setString(1, CampaignState.DONE.wireName());
            update.setLong(2, now.toEpochMilli());
            update.setString(3, id);
            update.setString(4, CampaignState.RUNNING.wireName());
            update.setString(5, id);
            update.executeUpdate();
        }
    }

    /** Marks the campaign failed with {@code note}. */
    void fail(Connection c, String id, String note, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaigns SET state = ?, finished_at = ?, "
                + "note = ? WHERE campaign_id = ?")) {
            update.setString(1, CampaignState.FAILED.wireName());
            update.setLong(2, now.toEpochMilli());
            update.setString(3, note);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    private static List<Campaign> query(Connection c, String sql, String id) throws SQLException {
        List<Campaign> out = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            if (id != null) {
                select.setString(1, id);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new Campaign(rs.getString(1), rs.getString(2), rs.getString(3),
                            Channel.fromWireName(rs.getString(4)).orElseThrow(), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            CampaignState.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)),
                            Instant.ofEpochMilli(rs.getLong(8)),
                            optionalInstant(rs, 9), optionalInstant(rs, 10), Optional.ofNullable(rs.getString(11)),
                            new Tally(rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17),
                                    rs.getLong(18), rs.getLong(19)), rs.getInt(12), rs.getInt(13)));
                }
            }
        }
        return out;
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
