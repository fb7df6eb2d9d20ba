package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.decision.IntentPlacements;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.identity.Identifiers;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import dev.waymark.cloud.internal.insight.DeviceOverview;
import dev.waymark.cloud.internal.insight.KpiBook;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.RecordingDevices;
import dev.waymark.decision.BundleSigner;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cloud's stream parts over one real store, wired as {@code CloudAssembly} wires them, with the device gateway
 * replaced by a channel that records what it was asked to send. A replica made with {@link #replica} has parts of
 * its own over the same Vert.x and store, as a second cloud replica on a shared store would.
 */
final class CloudParts implements AutoCloseable {

    private static final JourneyEngine ENGINE = JourneyEngine.defaults();

    final Vertx vertx;
    final JdbcStore store;
    final EventLog log;
    final Decisions decisions;
    final EventPipeline pipeline;
    final RecordingDevices devices = new RecordingDevices();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final boolean owner;

    CloudParts(String url, Clock clock) throws Exception {
        this(Vertx.vertx(), null, url, null, clock);
    }

    /**
     * Parts on {@code vertx} (closed with them) whose pipeline consumes {@code pipelineLog}, a log other replicas
     * share: as in {@code CloudAssembly}, no journey context is cached, another replica's router may change it.
     */
    CloudParts(Vertx vertx, String url, EventLog pipelineLog, Clock clock) throws Exception {
        this(vertx, null, url, pipelineLog, clock);
    }

    private CloudParts(Vertx vertx, JdbcStore shared, String url, EventLog pipelineLog, Clock clock)
            throws Exception {
        this.vertx = vertx;
        this.owner = shared == null;
        store = owner ? JdbcStore.open(vertx, url, 2) : shared;
        log = pipelineLog != null ? pipelineLog : new StoreEventLog(vertx, store);
        int cachedProfiles = pipelineLog != null ? 0 : 100;
        UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
        IdentityGraph identity = new IdentityGraph(Namespaces.defaults(), ids);
        ConsentLedgerBook consent = new ConsentLedgerBook(ids, clock);
        identity.onMerge(consent);
        KpiBook kpis = new KpiBook();
        OutboxSettings outbox = new OutboxSettings(Optional.empty(), "0123456789abcdef-webhook-secret", 4,
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(500));
        decisions = new Decisions(new Decisions.Needs(vertx, store,
                BundleSigner.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), "k1"),
                devices, consent, kpis, ProfileDirectory::profileIdFor, JourneyReads::context,
                scope -> context -> context.fail(403), outbox, IntentPlacements.defaults(), meters, clock));
        decisions.start().await(10, TimeUnit.SECONDS);
        identity.onMerge(decisions::merged);
        pipeline = new EventPipeline(vertx, store, log, new PipelineParts(Identifiers::of, identity, consent,
                () -> ENGINE, decisions.decider(), kpis, new DeviceOverview()), meters, clock, cachedProfiles);
    }

    /** Another replica over this one's Vert.x and store whose pipeline consumes {@code pipelineLog}. */
    CloudParts replica(EventLog pipelineLog, Clock clock) throws Exception {
        return new CloudParts(vertx, store, null, pipelineLog, clock);
    }

    /** Closes the parts; the store and Vert.x only when they are this one's own, not a replica's shared ones. */
    @Override
    public void close() throws Exception {
        decisions.close();
        log.close();
        if (owner) {
            store.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
