package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.decision.catalog.CatalogEntry;
import dev.waymark.cloud.internal.decision.catalog.CatalogStore;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.decision.Contact;
import dev.waymark.decision.Outcome;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.event.OutcomeAccept;
import dev.waymark.protocol.event.OutcomeConvert;
import dev.waymark.protocol.event.OutcomeDismiss;
import dev.waymark.protocol.event.OutcomeImpression;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Joins outcome events to their decisions. Learning rule: the first accept, dismiss or convert of a (decision,
 * action) teaches the learner once (accept and convert a success, dismiss a failure); an impression alone teaches
 * nothing, since an ignored action may still be accepted. Every outcome is a KPI fact. {@code edge-} decisions
 * (made offline, unknown to the cloud) are accepted: their impression counts as a contact, a KPI decision and an
 * edge claim; they do not teach the learner, because their segment was never recorded in the cloud.
 */
public final class OutcomeRecorder {

    /** The prefix of the ids of decisions a kiosk made offline. */
    public static final String EDGE_PREFIX = "edge-";

    private final DecisionLog log;
    private final CatalogStore catalogs;
    private final ContactBook contacts;
    private final EdgeClaims claims;
    private final Learner learner;
    private final KpiRecorder kpis;
    private final AtomicLong unknown = new AtomicLong();

    private record Seen(String kind, String actionId, String decisionId, String placement, long value) {
    }

    /** A recorder over its parts. */
    public OutcomeRecorder(DecisionLog log, CatalogStore catalogs, ContactBook contacts, EdgeClaims claims,
            Learner learner, KpiRecorder kpis) {
        this.log = log;
        this.catalogs = catalogs;
        this.contacts = contacts;
        this.claims = claims;
        this.learner = learner;
        this.kpis = kpis;
    }

    /** See {@link Decider#onOutcome}; other event types are ignored. */
    public List<JsonObject> onOutcome(Connection c, String profileId, CloudEvent event) throws SQLException {
        Optional<Seen> parsed = parse(event);
        if (parsed.isEmpty()) {
            return List.of();
        }
        Seen seen = parsed.get();
        Source source = event.parsedSource();
        String storeId = source.storeId().orElse(KpiRecorder.WEB);
        boolean edge = seen.decisionId().startsWith(EDGE_PREFIX);
        Optional<DecisionRow> decision = edge ? Optional.empty() : log.find(c, seen.decisionId());
        if (!edge && decision.isEmpty()) {
            unknown.incrementAndGet();
            return List.of();
        }
        boolean firstOfDecision = count(c, seen.decisionId(), null) == 0;
        boolean firstVerdict = count(c, seen.decisionId(), seen.actionId()) == 0;
        if (!insert(c, seen, event, profileId)) {
            return List.of();
        }
        kpis.outcome(c, new KpiRecorder.OutcomeFact(seen.decisionId(), seen.actionId(), seen.kind(), storeId,
                profileId, event.time(), seen.value()));
        if (edge) {
            if (seen.kind().equals("impression")) {
                edgeImpression(c, profileId, seen, source, storeId, event, firstOfDecision);
            }
            return List.of();
        }
        if (!seen.kind().equals("impression") && firstVerdict) {
            String segment = decision.get().explanation().getString("segment", "*");
            learner.learn(c, new Outcome(seen.actionId(), segment, !seen.kind().equals("dismiss")));
        }
        return List.of();
    }

    /**
     * The profile an outcome event belongs to (see {@link Decider#ownerOf}): a cloud decision's own profile, or for
     * an {@code edge-} decision the profile of the kiosk session open on that device when the outcome was captured.
     */
    public Optional<String> ownerOf(Connection c, CloudEvent event) throws SQLException {
        Optional<Seen> parsed = parse(event);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        if (!parsed.get().decisionId().startsWith(EDGE_PREFIX)) {
            return log.find(c, parsed.get().decisionId()).map(DecisionRow::profileId);
        }
        Source source = event.parsedSource();
        if (source.storeId().isEmpty() || source.deviceId().isEmpty()) {
            return Optional.empty();
        }
        return ProfileDirectory.kioskSessionAt(c, source.storeId().get(), source.deviceId().get(), event.time());
    }

    /** Outcomes of unknown (non-edge) decisions, counted and ignored since start. */
    public long unknownOutcomes() {
        return unknown.get();
    }

    private void edgeImpression(Connection c, String profileId, Seen seen, Source source, String storeId,
            CloudEvent event, boolean firstOfDecision) throws SQLException {
        Optional<CatalogEntry> entry = catalogs.current(c).entry(seen.actionId());
        if (entry.isEmpty()) {
            return;
        }
        contacts.add(c, profileId, seen.decisionId(), new Contact(seen.actionId(), Channel.KIOSK,
                entry.get().definition().category(), event.time()));
        if (source.deviceId().isPresent()) {
            claims.claim(c, seen.decisionId(), seen.actionId(), profileId, storeId, source.deviceId().get(),
                    seen.placement(), event.time(), entry.get().definition().timeToLive());
        }
        if (firstOfDecision) {
            kpis.decided(c, new KpiRecorder.DecisionFact(seen.decisionId(), profileId, storeId,
                    List.of(seen.actionId()), false, List.of(), event.time(), Optional.of(event.time())));
        }
    }

    private static Optional<Seen> parse(CloudEvent event) {
        Object data = event.data();
        if (data instanceof OutcomeImpression o) {
            return Optional.of(new Seen("impression", o.actionId(), o.decisionId(), o.placement(), 0));
        } else if (data instanceof OutcomeAccept o) {
            return Optional.of(new Seen("accept", o.actionId(), o.decisionId(), o.placement(), 0));
        } else if (data instanceof OutcomeDismiss o) {
            return Optional.of(new Seen("dismiss", o.actionId(), o.decisionId(), o.placement(), 0));
        } else if (data instanceof OutcomeConvert o) {
            return Optional.of(new Seen("convert", o.actionId(), o.decisionId(), o.placement(), o.value()));
        }
        return Optional.empty();
    }

    /** Outcomes of the decision (any action, any kind) or, with an action, its verdicts (non-impressions). */
    private static int count(Connection c, String decisionId, String actionId) throws SQLException {
        String sql = actionId == null ? "SELECT COUNT(*) FROM outcomes WHERE decision_id = ?"
                : "SELECT COUNT(*) FROM outcomes WHERE decision_id = ? AND action_id = ? AND kind <> 'impression'";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, decisionId);
            if (actionId != null) {
                select.setString(2, actionId);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** False when this outcome was recorded before (a redelivered event). */
    private static boolean insert(Connection c, Seen seen, CloudEvent event, String profileId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outcomes (decision_id, action_id, kind, at, "
                + "value, profile_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id, action_id, kind) "
                + "DO NOTHING")) {
            insert.setString(1, seen.decisionId());
            insert.setString(2, seen.actionId());
            insert.setString(3, seen.kind());
            insert.setLong(4, event.time().toEpochMilli());
            insert.setLong(5, seen.value());
            insert.setString(6, profileId);
            return insert.executeUpdate() == 1;
        }
    }
}
