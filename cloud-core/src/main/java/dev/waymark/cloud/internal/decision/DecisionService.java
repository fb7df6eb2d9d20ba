package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.decision.catalog.CatalogEntry;
import dev.waymark.cloud.internal.decision.catalog.CatalogVersion;
import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.decision.Contact;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionResult;
import dev.waymark.decision.SelectedAction;
import dev.waymark.journey.JourneyContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Inbound decisions for web, app (and a kiosk asking inline): resolve the profile, decide with the current
 * catalog, record the decision, its contacts and KPI fact, and answer with the ranked actions. Simulations run the
 * same pipeline on a reading connection and record nothing.
 */
public final class DecisionService {

    private final Store store;
    private final DecisionMaker maker;
    private final DecisionLog log;
    private final ContactBook contacts;
    private final KpiRecorder kpis;
    private final ProfileLookup profiles;
    private final JourneyLookup journeys;
    private final Simulation simulation;
    private final Clock clock;

    /** A service over its parts; {@code simulation} runs proposed catalogs. */
    public DecisionService(Store store, DecisionMaker maker, DecisionLog log, ContactBook contacts, KpiRecorder kpis,
            ProfileLookup profiles, JourneyLookup journeys, Simulation simulation, Clock clock) {
        this.store = store;
        this.maker = maker;
        this.log = log;
        this.contacts = contacts;
        this.kpis = kpis;
        this.profiles = profiles;
        this.journeys = journeys;
        this.simulation = simulation;
        this.clock = clock;
    }

    /**
     * Decides and records; the answer is {@code {"decisionId", "actions": [...], "explanationUrl"}}. Fails with
     * {@link NoSuchElementException} when no profile is known for the identifiers.
     */
    public Future<JsonObject> decide(DecisionAsk ask) {
        Instant now = clock.instant();
        // Deciding only reads, so it runs on the reading connections in parallel; the single writer only records.
        // Two decisions for one profile at the same instant may both pass a contact cap; the next one sees both.
        return store.read(c -> {
            String profileId = profileOf(c, ask);
            return new Decided(profileId, maker.decide(c, input(c, ask, profileId, now)));
        }).compose(decided -> store.write(c -> record(c, ask, decided, now)));
    }

    private record Decided(String profileId, DecisionMaker.Made made) {
    }

    private JsonObject record(Connection c, DecisionAsk ask, Decided decided, Instant now) throws SQLException {
        String profileId = decided.profileId();
        DecisionMaker.Made made = decided.made();
        DecisionResult result = made.result();
        String storeId = ask.store().orElse(KpiRecorder.WEB);
        for (SelectedAction selected : result.actions()) {
            contacts.add(c, profileId, made.decisionId(), new Contact(selected.actionId(), selected.channel(),
                    selected.category(), now));
        }
        boolean control = result.explanation().controlGroup();
        log.record(c, new DecisionRow(made.decisionId(), profileId, storeId, Optional.empty(),
                ask.channel().wireName(), ask.placement(), "inbound", Optional.empty(), now, control,
                !result.actions().isEmpty() ? "answered" : control ? "control" : "nothing",
                ExplanationJson.ids(result.actions()), ExplanationJson.ids(result.explanation().wouldBe()),
                ExplanationJson.of(result), Optional.empty(), made.version().version()));
        kpis.decided(c, new KpiRecorder.DecisionFact(made.decisionId(), profileId, storeId,
                result.actions().stream().map(SelectedAction::actionId).toList(), control,
                result.explanation().wouldBe().stream().map(SelectedAction::actionId).toList(), now,
                Optional.empty()));
        return new JsonObject().put("decisionId", made.decisionId()).put("actions", actions(made))
                .put("explanationUrl", "/v1/decisions/" + made.decisionId());
    }

    /**
     * Runs the decision without recording anything, with the current catalog or the proposed {@code catalog};
     * answers {@code {"simulated": true, "catalogVersion", "profileId", "actions", "chosen", "explanation"}}.
     */
    public Future<JsonObject> simulate(DecisionAsk ask) {
        return store.read(c -> {
            String profileId = profileOf(c, ask);
            DecisionInput input = input(c, ask, profileId, clock.instant());
            DecisionMaker.Made made = ask.catalog().isPresent()
                    ? simulation.decide(c, input, ask.catalog().get())
                    : maker.decide(c, input);
            return new JsonObject().put("simulated", true)
                    .put("catalogVersion", ask.catalog().isPresent() ? "proposed" : made.version().version())
                    .put("profileId", profileId).put("actions", actions(made))
                    .put("chosen", ExplanationJson.ids(made.result().actions()))
                    .put("explanation", ExplanationJson.of(made.result()));
        });
    }

    private String profileOf(Connection c, DecisionAsk ask) throws SQLException {
        if (ask.profileId().isPresent()) {
            return ask.profileId().get();
        }
        String found = profiles.profileIdFor(c, ask.identifiers());
        if (found == null) {
            throw new NoSuchElementException("identifiers: no profile is known for these identifiers");
        }
        return found;
    }

    /**
     * Journey facts and {@link ProfileFacts} from the host's journey context, overlaid by a simulation's inline
     * {@code journey} and {@code profile}.
     */
    private DecisionInput input(Connection c, DecisionAsk ask, String profileId, Instant now) throws SQLException {
        JourneyContext context = journeys.contextOf(c, profileId);
        Map<String, Object> journey = new HashMap<>(context.facts());
        journey.putAll(ask.journey());
        Map<String, Object> profile = new HashMap<>(ProfileFacts.of(profileId, context));
        profile.putAll(ask.profile());
        profile.put("profileId", profileId);
        return new DecisionInput(DecisionMode.INBOUND, profileId, ask.channel(), ask.placement(), Optional.empty(),
                journey, profile, Map.of(), ask.context(), now);
    }

    private static JsonArray actions(DecisionMaker.Made made) {
        JsonArray out = new JsonArray();
        CatalogVersion version = made.version();
        for (SelectedAction selected : made.result().actions()) {
            Optional<CatalogEntry> entry = version.entry(selected.actionId());
            out.add(new JsonObject().put("actionId", selected.actionId())
                    .put("title", entry.map(CatalogEntry::title).orElse(selected.actionId()))
                    .put("body", entry.map(CatalogEntry::body).orElse(""))
                    .put("value", Math.max(0, Math.round(selected.score().value())))
                    .put("currency", entry.map(CatalogEntry::currency).orElse("EUR"))
                    .put("channel", selected.channel().wireName())
                    .put("score", selected.score().score())
                    .put("expiresAt", selected.expiresAt().toString()));
        }
        return out;
    }
}
