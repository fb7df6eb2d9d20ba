package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.internal.decision.ActionDelivery;
import dev.waymark.cloud.internal.decision.DecisionInput;
import dev.waymark.cloud.internal.decision.DecisionMaker;
import dev.waymark.cloud.internal.decision.DecisionRow;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.decision.ExplanationJson;
import dev.waymark.cloud.internal.decision.catalog.CatalogEntry;
import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.decision.CandidateTrace;
import dev.waymark.decision.Contact;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.SegmentRule;
import dev.waymark.decision.SelectedAction;
import dev.waymark.decision.StageName;
import dev.waymark.protocol.action.Action;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One campaign decision per profile in the segment, through the same {@link DecisionMaker} as inbound and
 * triggered decisions: deciding only reads (it runs on a reading connection), recording writes the decision with
 * its explanation and, for each chosen action, a contact and an outbox message for the channel's connector.
 */
final class CampaignDecider {

    private final Decisions.Parts parts;

    /** What one profile's decision came to, before it is recorded. */
    record Decided(String profileId, DecisionMaker.Made made, String status) {
    }

    CampaignDecider(Decisions.Parts parts) {
        this.parts = parts;
    }

    /** Decides the profiles of {@code rows} in {@code segment}; adds to {@code decided}, returns the counts. */
    Tally decide(Connection c, PartitionLease lease, SegmentRule segment, List<ProfileScan.Row> rows, Instant now,
            List<Decided> decided) throws SQLException {
        long inSegment = 0;
        long sent = 0;
        long suppressed = 0;
        long control = 0;
        Map<String, Object> context = Map.of("campaign", lease.campaignId());
        for (ProfileScan.Row row : rows) {
            Map<String, Object> profile = row.profile();
            Map<String, Object> journey = row.journey();
            if (!segment.matches(profile, journey)) {
                continue;
            }
            inSegment++;
            DecisionMaker.Made made = parts.maker().decide(c, new DecisionInput(DecisionMode.CAMPAIGN,
                    row.profileId(), lease.channel(), lease.placement(), Optional.empty(), journey, profile,
                    Map.of(), context, now));
            String status = status(made.result());
            switch (status) {
                case "sent" -> sent++;
                case "suppressed" -> suppressed++;
                case "control" -> control++;
                default -> { }
            }
            decided.add(new Decided(row.profileId(), made, status));
        }
        return new Tally(rows.size(), inSegment, inSegment, sent, suppressed, control);
    }

    /** Records {@code decided} of campaign {@code campaignId} (in the writer's transaction). */
    void record(Connection c, PartitionLease lease, List<Decided> decided, Instant now) throws SQLException {
        for (Decided one : decided) {
            DecisionMaker.Made made = one.made();
            DecisionResult result = made.result();
            List<String> sent = new ArrayList<>();
            for (SelectedAction selected : result.actions()) {
                CatalogEntry entry = made.version().entry(selected.actionId()).orElseThrow();
                Action action = ActionDelivery.action(entry, made.decisionId(), selected.placement(), now,
                        now.plus(entry.definition().timeToLive()));
                parts.delivery().enqueue(c, action, one.profileId(), selected.channel(), Optional.empty(),
                        Optional.empty(), now);
                parts.contacts().add(c, one.profileId(), made.decisionId(), new Contact(selected.actionId(),
                        selected.channel(), selected.category(), now));
                sent.add(selected.actionId());
            }
            boolean control = result.explanation().controlGroup();
            parts.log().record(c, new DecisionRow(made.decisionId(), one.profileId(), KpiRecorder.WEB,
                    Optional.empty(), lease.channel().wireName(), lease.placement(), "campaign",
                    Optional.empty(), now, control, one.status(), ExplanationJson.ids(result.actions()),
                    ExplanationJson.ids(result.explanation().wouldBe()),
                    ExplanationJson.of(result).put("campaign", lease.campaignId()), Optional.empty(),
                    made.version().version()));
            parts.kpis().decided(c, new KpiRecorder.DecisionFact(made.decisionId(), one.profileId(), KpiRecorder.WEB,
                    sent, control, result.explanation().wouldBe().stream().map(SelectedAction::actionId).toList(),
                    now, Optional.empty()));
        }
    }

    /** sent, control, suppressed (contact policy removed a candidate and nothing was chosen) or nothing. */
    private static String status(DecisionResult result) {
        if (!result.actions().isEmpty()) {
            return "sent";
        }
        if (result.explanation().controlGroup()) {
            return "control";
        }
        for (CandidateTrace candidate : result.explanation().candidates()) {
            if (candidate.removedAt().filter(StageName.CONTACT_POLICY::equals).isPresent()) {
                return "suppressed";
            }
        }
        return "nothing";
    }
}
