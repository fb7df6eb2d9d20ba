package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.decision.catalog.CatalogCheck;
import dev.waymark.cloud.internal.decision.catalog.CatalogDraft;
import dev.waymark.cloud.internal.decision.catalog.CatalogRejected;
import dev.waymark.cloud.internal.decision.catalog.CatalogStore;
import dev.waymark.cloud.internal.decision.catalog.CatalogVersion;
import dev.waymark.decision.DecisionPipeline;
import dev.waymark.decision.PropensityModel;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Decisions against a proposed catalog ({@code {"actions": [...], "patterns": {...}, "policies": {...}}}, each
 * part defaulting to the current one), on a copy of the learner's model so nothing is learned or kept.
 */
public final class Simulation {

    private final CatalogStore catalogs;
    private final DecisionMaker maker;
    private final Learner learner;

    /** A simulation over the current catalog and model. */
    public Simulation(CatalogStore catalogs, DecisionMaker maker, Learner learner) {
        this.catalogs = catalogs;
        this.maker = maker;
        this.learner = learner;
    }

    /** Decides {@code input} with {@code proposed}; throws InvalidField or {@link CatalogRejected}. */
    public DecisionMaker.Made decide(Connection c, DecisionInput input, JsonObject proposed) throws SQLException {
        CatalogVersion current = catalogs.current(c);
        CatalogDraft base = current.draft();
        CatalogDraft draft = CatalogCheck.proposal(proposed, base, "catalog.");
        DecisionPipeline pipeline = DecisionPipeline.create(draft.catalog(), draft.policies(),
                PropensityModel.restore(learner.snapshot()), DecisionMaker.SEED);
        CatalogVersion proposedVersion = new CatalogVersion(current.version(), draft, Instant.EPOCH, "simulation",
                current.bundle());
        return maker.decide(c, input, proposedVersion, pipeline);
    }
}
