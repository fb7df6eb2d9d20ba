package dev.waymark.cloud.internal.subject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Erases a merge family in one store transaction: deletes its rows from every table that holds a profile id, an
 * identifier or a payload carrying one (the event log's tail and the outbox included), replaces the profile id in
 * the KPI facts with {@code erased:{erasureId}} (so the aggregates keep their counts and joins), optionally blocks
 * its identifiers, queues the CRM notices and writes the audit row. The caller checkpoints the WAL after commit.
 */
final class Erasure {

    /** Tables whose rows belong to one profile, by their profile id column. */
    private static final List<String> OWNED = List.of("journeys", "journey_timers", "profile_event_counts",
            "decisions", "contacts", "outcomes", "edge_claims", "profile_traits");
    private static final List<String> KPI_FACTS = List.of("kpi_decisions", "kpi_decision_actions", "kpi_outcomes");

    private final RelinkBlock block;
    private final SubjectRights.CrmNotice crm;
    private final Consumer<List<String>> forgetCached;

    /** {@code forgetCached} drops in-memory state of the erased profiles; it runs inside the transaction. */
    Erasure(RelinkBlock block, SubjectRights.CrmNotice crm, Consumer<List<String>> forgetCached) {
        this.block = block;
        this.crm = crm;
        this.forgetCached = forgetCached;
    }

    ErasureReport erase(Connection c, MergeFamily family, String erasureId, String by, boolean blockRelinking,
            Instant at) throws SQLException {
        List<String> ids = family.profileIds();
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("event_log", LoggedEvents.delete(c, family));
        removed.put("outbox", outbox(c, family));
        for (String table : OWNED) {
            removed.put(table, FamilySql.update(c, "DELETE FROM " + table + " WHERE profile_id IN {in}", ids));
        }
        removed.put("consent_records", FamilySql.update(c, "DELETE FROM consent_records "
                + "WHERE profile_id IN {in} OR given_by IN {in}", ids));
        removed.put("refused_links", FamilySql.update(c, "DELETE FROM refused_links "
                + "WHERE profile_id IN {in} OR kept_apart IN {in}", ids));
        removed.put("profile_merges", FamilySql.update(c, "DELETE FROM profile_merges "
                + "WHERE from_profile IN {in} OR into_profile IN {in}", ids));
        removed.put("identities", FamilySql.update(c, "DELETE FROM identities WHERE profile_id IN {in}", ids));
        removed.put("profiles", FamilySql.update(c, "DELETE FROM profiles WHERE profile_id IN {in}", ids));
        Map<String, Integer> anonymised = anonymiseKpis(c, ids, "erased:" + erasureId);
        forgetCached.accept(ids);
        int blocked = blockRelinking ? block.block(c, family.identities(), erasureId, at) : 0;
        int notices = 0;
        for (int i = 0; i < ids.size(); i++) {
            notices += crm.erased(c, ids.get(i), erasureId, i, at);
        }
        ErasureReport report = new ErasureReport(erasureId, at, by, ids.size(), removed, anonymised, blocked,
                notices);
        audit(c, report);
        return report;
    }

    /** Messages not yet swept that carry a profile id (webhook actions) or act on a family decision. */
    private static int outbox(Connection c, MergeFamily family) throws SQLException {
        int deleted = 0;
        try (PreparedStatement byProfile = c.prepareStatement("DELETE FROM outbox WHERE payload LIKE ?");
             PreparedStatement byDecision = c.prepareStatement("DELETE FROM outbox WHERE idempotency_key LIKE ?")) {
            // Profile and decision ids are ULIDs: no LIKE wildcard can occur in them.
            for (String profileId : family.profileIds()) {
                byProfile.setString(1, "%" + profileId + "%");
                deleted += byProfile.executeUpdate();
            }
            for (String decisionId : family.decisionIds()) {
                byDecision.setString(1, decisionId + ":%");
                deleted += byDecision.executeUpdate();
            }
        }
        return deleted;
    }

    private static Map<String, Integer> anonymiseKpis(Connection c, List<String> ids, String placeholder)
            throws SQLException {
        Map<String, Integer> anonymised = new LinkedHashMap<>();
        for (String table : KPI_FACTS) {
            anonymised.put(table, FamilySql.update(c, "UPDATE " + table + " SET profile_id = ? "
                    + "WHERE profile_id IN {in}", ids, placeholder));
        }
        // The key holds the profile id: move the rows (two of the family at one store and millisecond were one
        // purchase already, as after a merge), then delete the originals.
        FamilySql.update(c, "INSERT INTO kpi_purchases (profile_id, store_id, at, value) SELECT ?, store_id, at, "
                + "value FROM kpi_purchases WHERE profile_id IN {in} ON CONFLICT (profile_id, store_id, at) "
                + "DO NOTHING", ids, placeholder);
        anonymised.put("kpi_purchases", FamilySql.update(c, "DELETE FROM kpi_purchases WHERE profile_id IN {in}",
                ids));
        return anonymised;
    }

    private static void audit(Connection c, ErasureReport report) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO erasures (erasure_id, erased_at, erased_by, "
                + "profiles, blocked, crm_notices, removed, anonymised) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, report.erasureId());
            insert.setLong(2, report.erasedAt().toEpochMilli());
            insert.setString(3, report.erasedBy());
            insert.setInt(4, report.profiles());
            insert.setInt(5, report.blocked());
            insert.setInt(6, report.crmNotices());
            insert.setString(7, report.toJson().getJsonObject("removed").encode());
            insert.setString(8, report.toJson().getJsonObject("anonymised").encode());
            insert.executeUpdate();
        }
    }
}
