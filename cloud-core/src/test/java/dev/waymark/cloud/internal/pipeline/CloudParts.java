package dev.waymark.cloud.internal.pipeline;

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
 * replaced by a channel that records what it was asked to send.
 */
final class CloudParts implements AutoCloseable {

    private static final JourneyEngine ENGINE = JourneyEngine.defaults();

    final Vertx vertx = Vertx.vertx();
    final JdbcStore store;
    final StoreEventLog log;
    final Decisions decisions;
    final EventPipeline pipeline;
    final RecordingDevices devices = new RecordingDevices();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    CloudParts(String url, Clock clock) throws Exception {
        store = JdbcStore.open(vertx, url, 2);
        log = new StoreEventLog(vertx, store);
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
                () -> ENGINE, decisions.decider(), kpis, new DeviceOverview()), meters, clock, 100);
    }

    @Override
    public void close() throws Exception {
        decisions.close();
        log.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
