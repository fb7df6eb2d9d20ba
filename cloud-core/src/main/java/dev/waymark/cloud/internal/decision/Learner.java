package dev.waymark.cloud.internal.decision;

import dev.waymark.decision.ModelSnapshot;
import dev.waymark.decision.Outcome;
import dev.waymark.decision.PropensityModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The online learner: one {@link PropensityModel} shared by every pipeline of this replica, its arms persisted in
 * {@code model_arms} so a restart (or another replica, on {@link #load}) keeps what was learned. The table is the
 * truth: updates are increments, so replicas learning at once do not overwrite each other.
 */
public final class Learner {

    /** Uniform Beta(1, 1): no opinion before the first outcome. */
    private static final double PRIOR = 1.0;

    private volatile PropensityModel model = PropensityModel.uniform();

    /** Replaces the in-memory model with the persisted arms. */
    public void load(Connection connection) throws SQLException {
        List<ModelSnapshot.Arm> arms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT action_id, segment, alpha, beta FROM model_arms");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                arms.add(new ModelSnapshot.Arm(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
            }
        }
        model = PropensityModel.restore(new ModelSnapshot(PRIOR, PRIOR, arms));
    }

    /** Persists one outcome (inside the caller's transaction) and teaches the in-memory model. */
    public void learn(Connection connection, Outcome outcome) throws SQLException {
        double success = outcome.success() ? 1 : 0;
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO model_arms (action_id, segment, alpha, beta) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (action_id, segment) DO UPDATE SET alpha = model_arms.alpha + ?, "
                        + "beta = model_arms.beta + ?")) {
            upsert.setString(1, outcome.actionId());
            upsert.setString(2, outcome.segment());
            upsert.setDouble(3, PRIOR + success);
            upsert.setDouble(4, PRIOR + 1 - success);
            upsert.setDouble(5, success);
            upsert.setDouble(6, 1 - success);
            upsert.executeUpdate();
        }
        model.update(outcome);
    }

    /** The model the pipelines score with. */
    public PropensityModel model() {
        return model;
    }

    /** The current state, for a bundle. */
    public ModelSnapshot snapshot() {
        return model.snapshot();
    }
}
