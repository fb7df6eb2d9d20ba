package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.consent.ConsentBook;
import dev.waymark.cloud.internal.decision.catalog.BundlePublisher;
import dev.waymark.cloud.internal.decision.catalog.CatalogRoutes;
import dev.waymark.cloud.internal.decision.catalog.CatalogStore;
import dev.waymark.cloud.internal.decision.outbox.Connector;
import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.decision.outbox.OutboxDrainer;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.decision.BundleSigner;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The decisioning part assembled: catalog and bundles, the triggered {@link Decider}, inbound decisions, the
 * outbox drainer and the routes. The host builds one, awaits {@link #start()}, mounts {@link #mount} and hands
 * {@link #decider()} to the pipeline.
 */
public final class Decisions implements AutoCloseable {

    private final Store store;
    private final Guard guard;
    private final Learner learner = new Learner();
    private final ContactBook contacts = new ContactBook();
    private final DecisionLog log = new DecisionLog();
    private final CatalogStore catalogs;
    private final StreamDecider decider;
    private final DecisionService service;
    private final OutboxDrainer drainer;
    private final OutcomeRecorder outcomes;
    private final Parts parts;

    /** What a campaign decides and records with, so its decisions are ordinary ones. */
    public record Parts(DecisionMaker maker, DecisionLog log, ContactBook contacts, ActionDelivery delivery,
            KpiRecorder kpis) {
    }

    /** What the part needs from its host. */
    public record Needs(Vertx vertx, Store store, BundleSigner signer, DeviceChannel devices, ConsentBook consent,
            KpiRecorder kpis, ProfileLookup profiles, JourneyLookup journeys, Guard guard, OutboxSettings outbox,
            IntentPlacements placements, MeterRegistry meters, Clock clock, DecisionSettings settings) {

        /** With {@link DecisionSettings#DEFAULTS}. */
        public Needs(Vertx vertx, Store store, BundleSigner signer, DeviceChannel devices, ConsentBook consent,
                KpiRecorder kpis, ProfileLookup profiles, JourneyLookup journeys, Guard guard, OutboxSettings outbox,
                IntentPlacements placements, MeterRegistry meters, Clock clock) {
            this(vertx, store, signer, devices, consent, kpis, profiles, journeys, guard, outbox, placements, meters,
                    clock, DecisionSettings.DEFAULTS);
        }
    }

    /** Assembles the part; nothing runs until {@link #start()}. */
    public Decisions(Needs needs) {
        this.store = needs.store();
        this.guard = needs.guard();
        UlidGenerator ids = new UlidGenerator(needs.clock(), new SecureRandom());
        this.catalogs = new CatalogStore(store, needs.signer(), new BundlePublisher(store, needs.devices()), learner,
                needs.clock());
        DecisionMaker maker = new DecisionMaker(catalogs, learner, needs.consent(), contacts, ids);
        EdgeClaims claims = new EdgeClaims();
        Outbox outbox = new Outbox();
        this.outcomes = new OutcomeRecorder(log, catalogs, contacts, claims, learner, needs.kpis());
        ActionDelivery delivery = new ActionDelivery(outbox, ids);
        this.parts = new Parts(maker, log, contacts, delivery, needs.kpis());
        this.decider = new StreamDecider(maker, log, contacts, delivery, claims,
                needs.kpis(), needs.placements(), outcomes, needs.settings());
        this.service = new DecisionService(store, maker, log, contacts, needs.kpis(), needs.profiles(),
                needs.journeys(), new Simulation(catalogs, maker, learner), needs.clock());
        this.drainer = new OutboxDrainer(needs.vertx(), store, outbox, needs.devices(), needs.outbox(),
                needs.meters(), needs.clock());
    }

    /** Loads (or seeds) the catalog and the learner, then starts the outbox drainer. */
    public Future<Void> start() {
        return catalogs.start().onSuccess(v -> drainer.start()).mapEmpty();
    }

    /** Lets the outbox drainer deliver messages of {@code kind} through {@code connector} (the CRM's). */
    public void connect(String kind, Connector connector) {
        drainer.connect(kind, connector);
    }

    /** Mounts the decision and catalog routes. */
    public void mount(Router router) {
        new DecisionRoutes(service, log, store, guard).mount(router);
        new CatalogRoutes(catalogs, guard).mount(router);
    }

    /** The triggered path and outcome handling, for the stream pipeline. */
    public Decider decider() {
        return decider;
    }

    /** The maker and recorders, for campaign mode. */
    public Parts parts() {
        return parts;
    }

    /** Sends the current bundle to a store seen for the first time. */
    public Future<Void> publishCurrentBundle(String storeId) {
        return catalogs.publishCurrentBundle(storeId);
    }

    /** The profile API's "recent decisions" section ({@code ProfileSection.load} shape). */
    public Object recentDecisions(Connection c, String profileId) throws SQLException {
        return log.recentDecisions(c, profileId, 20);
    }

    /** An identity {@code MergeHook}: a merged profile's contacts, decisions and outcomes move to {@code into}. */
    public void merged(Connection c, String from, String into) throws SQLException {
        contacts.merged(c, from, into);
        log.merged(c, from, into);
    }

    /** Outcomes of unknown decisions ignored since start. */
    public long unknownOutcomes() {
        return outcomes.unknownOutcomes();
    }

    /** The catalog versions. */
    public CatalogStore catalogs() {
        return catalogs;
    }

    @Override
    public void close() {
        drainer.close();
    }
}
