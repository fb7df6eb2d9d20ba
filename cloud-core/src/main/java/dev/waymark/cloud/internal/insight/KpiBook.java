package dev.waymark.cloud.internal.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@link KpiRecorder} over the {@code kpi_*} tables. Facts are idempotent where they carry an identity (decision,
 * outcome per decision/action/kind, purchase per profile/store/millisecond), because the pipeline may redeliver.
 */
public final class KpiBook implements KpiRecorder {

    /** The outcome kinds a fact may carry. */
    public static final Set<String> OUTCOME_KINDS = Set.of("impression", "accept", "dismiss", "convert");

    @Override
    public void decided(Connection connection, DecisionFact fact) throws SQLException {
        Arm arm = Arm.of(fact);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kpi_decisions (decision_id, profile_id, store_id, arm, decided_at, capture_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id) DO NOTHING")) {
            insert.setString(1, fact.decisionId());
            insert.setString(2, fact.profileId());
            insert.setString(3, fact.storeId());
            insert.setString(4, arm.wire());
            insert.setLong(5, fact.decidedAt().toEpochMilli());
            if (fact.triggerCaptureTime().isPresent()) {
                insert.setLong(6, fact.triggerCaptureTime().get().toEpochMilli());
            } else {
                insert.setNull(6, Types.BIGINT);
            }
            if (insert.executeUpdate() == 0) {
                return;
            }
        }
        List<String> actions = arm == Arm.CONTROL ? fact.wouldBe() : arm == Arm.TREATED ? fact.chosen() : List.of();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kpi_decision_actions (decision_id, action_id, arm, profile_id, store_id, decided_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id, action_id) DO NOTHING")) {
            for (String action : actions) {
                insert.setString(1, fact.decisionId());
                insert.setString(2, action);
                insert.setString(3, arm.wire());
                insert.setString(4, fact.profileId());
                insert.setString(5, fact.storeId());
                insert.setLong(6, fact.decidedAt().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the kind is not one of {@link #OUTCOME_KINDS}
     */
    @Override
    public void outcome(Connection connection, OutcomeFact fact) throws SQLException {
        String kind = fact.kind().toLowerCase(Locale.ROOT);
        if (!OUTCOME_KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind: not one of " + OUTCOME_KINDS + ": " + fact.kind());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kpi_outcomes (decision_id, action_id, kind, store_id, profile_id, at, value) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id, action_id, kind) DO NOTHING")) {
            insert.setString(1, fact.decisionId());
            insert.setString(2, fact.actionId());
            insert.setString(3, kind);
            insert.setString(4, fact.storeId());
            insert.setString(5, fact.profileId());
            insert.setLong(6, fact.at().toEpochMilli());
            insert.setLong(7, fact.value());
            insert.executeUpdate();
        }
    }

    @Override
    public void purchase(Connection connection, String profileId, String storeId, Instant at, long value)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kpi_purchases (profile_id, store_id, at, value) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (profile_id, store_id, at) DO NOTHING")) {
            insert.setString(1, Objects.requireNonNull(profileId, "profileId"));
            insert.setString(2, Objects.requireNonNull(storeId, "storeId"));
            insert.setLong(3, at.toEpochMilli());
            insert.setLong(4, value);
            insert.executeUpdate();
        }
    }

    @Override
    public void journey(Connection connection, String storeId, String journeyType, boolean completed, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kpi_journeys (fact_id, store_id, journey_type, completed, at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, Objects.requireNonNull(storeId, "storeId"));
            insert.setString(3, Objects.requireNonNull(journeyType, "journeyType"));
            insert.setInt(4, completed ? 1 : 0);
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
        }
    }
}
