package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.decision.catalog.CatalogEntry;
import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.decision.Contact;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.SelectedAction;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.action.Action;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The triggered path: decides an intent from the stream with the current catalog, records the decision with its
 * explanation, and for each chosen action still within its time to live (measured from the trigger's capture
 * time) a contact and an outbox message. Skips an intent the kiosk already decided offline ({@link EdgeClaims}),
 * and a kiosk's trigger older than {@link DecisionSettings#kioskTriggerMaxAge()}: it reaches the cloud that late
 * only after waiting in a buffer while the store or the kiosk was offline, when the kiosk decided it itself (its
 * impression, later in the same stream, would come too late to claim it).
 */
public final class StreamDecider implements Decider {

    private final DecisionMaker maker;
    private final DecisionLog log;
    private final ContactBook contacts;
    private final ActionDelivery delivery;
    private final EdgeClaims claims;
    private final KpiRecorder kpis;
    private final IntentPlacements placements;
    private final OutcomeRecorder outcomes;
    private final DecisionSettings settings;

    /** A decider from its parts; {@code outcomes} handles {@link #onOutcome}. */
    public StreamDecider(DecisionMaker maker, DecisionLog log, ContactBook contacts, ActionDelivery delivery,
            EdgeClaims claims, KpiRecorder kpis, IntentPlacements placements, OutcomeRecorder outcomes,
            DecisionSettings settings) {
        this.maker = maker;
        this.log = log;
        this.contacts = contacts;
        this.delivery = delivery;
        this.claims = claims;
        this.kpis = kpis;
        this.placements = placements;
        this.outcomes = outcomes;
        this.settings = settings;
    }

    @Override
    public List<JsonObject> onIntent(Connection c, Trigger trigger) throws SQLException {
        String storeId = trigger.storeId().orElse(KpiRecorder.WEB);
        String intent = trigger.intent().name();
        String placement = placements.placementFor(trigger.channel(), intent);
        Optional<String> edge = trigger.channel() == Channel.KIOSK && trigger.deviceId().isPresent()
                ? claims.claimedBy(c, trigger.profileId(), storeId, trigger.deviceId().get(), trigger.captureTime())
                : Optional.empty();
        if (edge.isPresent()) {
            return skipped(c, trigger, placement, "the kiosk already decided this moment offline (" + edge.get()
                    + "); not decided again");
        }
        if (trigger.channel() == Channel.KIOSK && trigger.deviceId().isPresent()
                && trigger.captureTime().plus(settings.kioskTriggerMaxAge()).isBefore(trigger.now())) {
            return skipped(c, trigger, placement, "captured " + trigger.captureTime() + ", more than "
                    + settings.kioskTriggerMaxAge() + " ago: it waited in a buffer while the kiosk or its store was "
                    + "offline, when it was the kiosk's to decide locally; not decided again");
        }
        DecisionMaker.Made made = maker.decide(c, new DecisionInput(DecisionMode.TRIGGERED, trigger.profileId(),
                trigger.channel(), placement, Optional.of(intent), trigger.journey().facts(),
                ProfileFacts.of(trigger.profileId(), trigger.journey()), trigger.intent().attributes(), Map.of(), trigger.now()));
        DecisionResult result = made.result();
        List<String> sent = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        for (SelectedAction selected : result.actions()) {
            CatalogEntry entry = made.version().entry(selected.actionId()).orElseThrow();
            Instant expiresAt = trigger.captureTime().plus(entry.definition().timeToLive());
            if (!expiresAt.isAfter(trigger.now())) {
                expired.add(selected.actionId());
                continue;
            }
            Action action = ActionDelivery.action(entry, made.decisionId(), selected.placement(), trigger.now(),
                    expiresAt);
            delivery.enqueue(c, action, trigger.profileId(), selected.channel(), trigger.storeId(),
                    trigger.deviceId(), trigger.now());
            contacts.add(c, trigger.profileId(), made.decisionId(), new Contact(selected.actionId(),
                    selected.channel(), selected.category(), trigger.now()));
            sent.add(selected.actionId());
        }
        JsonObject explanation = ExplanationJson.of(result);
        if (!expired.isEmpty()) {
            explanation.put("note", "not sent, older than the action's time to live: " + expired
                    + " (captured " + trigger.captureTime() + ")");
        }
        boolean control = result.explanation().controlGroup();
        // Care and service actions still reach a held-out customer, so "control" only describes an empty answer.
        String status = !sent.isEmpty() ? "sent" : !expired.isEmpty() ? "expired" : control ? "control" : "nothing";
        log.record(c, row(trigger, made.decisionId(), placement, status, ExplanationJson.ids(result.actions()),
                ExplanationJson.ids(result.explanation().wouldBe()), control, explanation, made.version().version()));
        kpis.decided(c, new KpiRecorder.DecisionFact(made.decisionId(), trigger.profileId(), storeId, sent, control,
                result.explanation().wouldBe().stream().map(SelectedAction::actionId).toList(),
                trigger.now(), trigger.channel() == Channel.KIOSK ? Optional.of(trigger.captureTime())
                        : Optional.empty()));
        return liveItems(trigger, storeId, made.decisionId(), intent, sent);
    }

    private List<JsonObject> skipped(Connection c, Trigger trigger, String placement, String note)
            throws SQLException {
        log.record(c, row(trigger, maker.nextId(), placement, "skipped", new JsonArray(), new JsonArray(), false,
                ExplanationJson.note(note), 0));
        return List.of();
    }

    @Override
    public List<JsonObject> onOutcome(Connection c, String profileId, CloudEvent outcome) throws SQLException {
        return outcomes.onOutcome(c, profileId, outcome);
    }

    @Override
    public Optional<String> ownerOf(Connection c, CloudEvent outcome) throws SQLException {
        return outcomes.ownerOf(c, outcome);
    }

    private static DecisionRow row(Trigger trigger, String decisionId, String placement, String status,
            JsonArray chosen, JsonArray wouldBe, boolean control, JsonObject explanation, long version) {
        return new DecisionRow(decisionId, trigger.profileId(), trigger.storeId().orElse(KpiRecorder.WEB),
                trigger.deviceId(), trigger.channel().wireName(), placement, "triggered",
                Optional.of(trigger.intent().name()), trigger.now(), control, status, chosen, wouldBe, explanation,
                Optional.of(trigger.captureTime()), version);
    }

    private static List<JsonObject> liveItems(Trigger trigger, String storeId, String decisionId, String intent,
            List<String> sent) {
        List<JsonObject> items = new ArrayList<>();
        items.add(liveItem("decision", trigger, storeId, intent, decisionId));
        for (String actionId : sent) {
            items.add(liveItem("action", trigger, storeId, actionId, decisionId));
        }
        return items;
    }

    private static JsonObject liveItem(String kind, Trigger trigger, String storeId, String type, String id) {
        JsonObject item = new JsonObject().put("kind", kind).put("store", storeId)
                .put("profile", trigger.profileId()).put("type", type).put("id", id)
                .put("at", trigger.now().toString());
        trigger.deviceId().ifPresent(device -> item.put("device", device));
        return item;
    }
}
