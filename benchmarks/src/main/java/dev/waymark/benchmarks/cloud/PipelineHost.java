package dev.waymark.benchmarks.cloud;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.decision.IntentPlacements;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.identity.Identifiers;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import dev.waymark.cloud.internal.insight.DeviceOverview;
import dev.waymark.cloud.internal.insight.KpiBook;
import dev.waymark.cloud.internal.log.EventLogs;
import dev.waymark.cloud.internal.pipeline.EventPipeline;
import dev.waymark.cloud.internal.pipeline.JourneyReads;
import dev.waymark.cloud.internal.pipeline.PipelineParts;
import dev.waymark.cloud.internal.pipeline.ProfileRouter;
import dev.waymark.decision.BundleSigner;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.DecisionBundle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * The cloud's stream pipeline assembled over a store and its log the way {@code CloudAssembly} wires it: the real
 * identity graph, consent ledger, journey engine, decisioning (default catalog, outbox drainer), KPI book and
 * device overview. Only the device gateway is left out: actions and bundles go to a channel that acknowledges
 * at once, as the broker does for a topic no device listens on; the rest of the outbox path runs.
 */
final class PipelineHost implements AutoCloseable {

    private final Decisions decisions;
    private final EventPipeline pipeline;
    private final Optional<ProfileRouter> router;

    private PipelineHost(Decisions decisions, EventPipeline pipeline, Optional<ProfileRouter> router) {
        this.decisions = decisions;
        this.pipeline = pipeline;
        this.router = router;
    }

    /** Assembles the parts and loads the catalog; the pipeline consumes nothing until {@link #start}. */
    static Future<PipelineHost> assemble(Vertx vertx, Store store, EventLog log, int cachedProfiles)
            throws Exception {
        return assemble(vertx, store, EventLogs.single(log), cachedProfiles);
    }

    /**
     * As {@code CloudAssembly} wires {@code logs}: on a routed (Kafka) pair the profile router consumes the ingest
     * log and the pipeline the profile log.
     */
    static Future<PipelineHost> assemble(Vertx vertx, Store store, EventLogs logs, int cachedProfiles)
            throws Exception {
        Clock clock = Clock.systemUTC();
        UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
        IdentityGraph identity = new IdentityGraph(Namespaces.defaults(), ids);
        ConsentLedgerBook consent = new ConsentLedgerBook(ids, clock);
        identity.onMerge(consent);
        KpiBook kpis = new KpiBook();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Decisions decisions = decisions(vertx, store, consent, kpis, clock);
        identity.onMerge(decisions::merged);
        JourneyEngine engine = JourneyEngine.defaults();
        EventPipeline pipeline = new EventPipeline(vertx, store, logs.pipeline(), new PipelineParts(Identifiers::of, identity,
                consent, () -> engine, decisions.decider(), kpis, new DeviceOverview()), meters, clock,
                cachedProfiles);
        pipeline.onNewStore(decisions::publishCurrentBundle);
        Optional<ProfileRouter> router = logs.profiles().map(routed -> pipeline.router(logs.ingest()));
        return decisions.start().map(started -> new PipelineHost(decisions, pipeline, router));
    }

    /**
     * The decisioning part as {@code CloudAssembly} builds it (default catalog, outbox drainer without a webhook),
     * its routes closed, devices acknowledging at once.
     */
    static Decisions decisions(Vertx vertx, Store store, ConsentLedgerBook consent, KpiBook kpis, Clock clock)
            throws Exception {
        Guard closed = scope -> context -> context.fail(403);
        return new Decisions(new Decisions.Needs(vertx, store, BundleSigner.of(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), "bench"),
                acknowledging(), consent, kpis, ProfileDirectory::profileIdFor, JourneyReads::context, closed,
                OutboxSettings.from(new JsonObject()), IntentPlacements.defaults(), new SimpleMeterRegistry(), clock));
    }

    /** Starts consuming the log (and the router the ingest log) in batches of at most {@code batch}. */
    void start(int batch) {
        router.ifPresent(r -> r.start(batch));
        pipeline.start(batch);
    }

    private static DeviceChannel acknowledging() {
        return new DeviceChannel() {
            @Override
            public Future<Void> sendAction(String storeId, String deviceId, Action action) {
                return Future.succeededFuture();
            }

            @Override
            public Future<Void> publishBundle(String storeId, DecisionBundle bundle) {
                return Future.succeededFuture();
            }
        };
    }

    @Override
    public void close() {
        decisions.close();
    }
}
