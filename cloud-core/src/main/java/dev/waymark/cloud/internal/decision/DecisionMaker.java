package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.consent.ConsentBook;
import dev.waymark.cloud.internal.decision.catalog.CatalogStore;
import dev.waymark.cloud.internal.decision.catalog.CatalogVersion;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.DecisionPipeline;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.DecisionResult;
import dev.waymark.protocol.UlidGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Runs the current catalog's pipeline for a {@link DecisionInput}: reads consent and contact history, builds the
 * engine's request and decides. Records nothing. The pipeline is rebuilt when the catalog version or the
 * learner's model changes; a new catalog version also reloads the learner's arms from the table.
 */
public final class DecisionMaker {

    /** Mixed with each decision id to seed its draws (DecisionPipeline#create). */
    static final long SEED = 0x5741594d41524bL;
    /** Contact history read at least this far back, even when no cap or cooldown asks for it. */
    private static final Duration MIN_HISTORY = Duration.ofDays(1);

    private final CatalogStore catalogs;
    private final Learner learner;
    private final ConsentBook consent;
    private final ContactBook contacts;
    private final UlidGenerator ids;
    private volatile Built built;

    /** What a decision was made with. */
    public record Made(String decisionId, CatalogVersion version, DecisionResult result) {
    }

    private record Built(CatalogVersion version, DecisionPipeline pipeline) {
    }

    /** A maker over the catalogs' current version, the learner's model, the consent book and contacts. */
    public DecisionMaker(CatalogStore catalogs, Learner learner, ConsentBook consent, ContactBook contacts,
            UlidGenerator ids) {
        this.catalogs = catalogs;
        this.learner = learner;
        this.consent = consent;
        this.contacts = contacts;
        this.ids = ids;
    }

    /** Decides with the current catalog. */
    public Made decide(Connection c, DecisionInput input) throws SQLException {
        CatalogVersion version = catalogs.current(c);
        Built current = built;
        if (current != null && current.version().version() != version.version()) {
            // A new catalog version (maybe from another replica): pick up what every replica has learned since.
            learner.load(c);
        }
        if (current == null || current.version().version() != version.version()
                || current.pipeline().model() != learner.model()) {
            current = new Built(version, DecisionPipeline.create(version.draft().catalog(),
                    version.draft().policies(), learner.model(), SEED));
            built = current;
        }
        return decide(c, input, current.version(), current.pipeline());
    }

    /** Decides with {@code pipeline} (a proposed catalog, for simulation). */
    public Made decide(Connection c, DecisionInput input, CatalogVersion version, DecisionPipeline pipeline)
            throws SQLException {
        String decisionId = ids.next().value();
        DecisionRequest.Builder request = DecisionRequest.builder(input.mode(), decisionId, input.profileId(),
                        input.channel(), input.placement(), input.now())
                .profile(input.profile()).journey(input.journey()).event(input.event()).context(input.context())
                .consent(consent.view(c, input.profileId()))
                .history(contacts.history(c, input.profileId(), input.now().minus(historyWindow(pipeline.policies()))))
                .zone(ZoneOffset.UTC);
        input.intent().ifPresent(request::intent);
        return new Made(decisionId, version, pipeline.decide(request.build()));
    }

    /** The next id for a decision that is recorded without running the pipeline. */
    public String nextId() {
        return ids.next().value();
    }

    private static Duration historyWindow(DecisionPolicies policies) {
        Duration longest = MIN_HISTORY;
        for (ContactCap cap : policies.caps()) {
            longest = max(longest, cap.period());
        }
        longest = max(longest, policies.defaultCooldown());
        for (Duration cooldown : policies.cooldowns().values()) {
            longest = max(longest, cooldown);
        }
        return longest;
    }

    private static Duration max(Duration a, Duration b) {
        return Objects.requireNonNull(a).compareTo(b) >= 0 ? a : b;
    }
}
