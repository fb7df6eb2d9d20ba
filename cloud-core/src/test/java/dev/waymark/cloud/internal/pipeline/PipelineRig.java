package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.decision.IntentPlacements;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.identity.Identifiers;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.insight.DeviceOverview;
import dev.waymark.cloud.internal.insight.KpiBook;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.RecordingDevices;
import dev.waymark.decision.BundleSigner;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The pipeline over a real SQLite store with every real part behind it; only the device gateway records. */
final class PipelineRig implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final JdbcStore store;
    final RecordingDevices devices = new RecordingDevices();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Decisions decisions;
    final EventPipeline underTest;
    private final EventCodec codec = EventCodec.create();

    PipelineRig(Path dir, Clock clock) throws Exception {
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 2);
        UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
        IdentityGraph identity = new IdentityGraph(Namespaces.defaults(), ids);
        ConsentLedgerBook consent = new ConsentLedgerBook(ids, clock);
        identity.onMerge(consent);
        KpiBook kpis = new KpiBook();
        Guard guard = scope -> context -> context.put(Caller.CONTEXT_KEY, new Caller("test", java.util.Set.of(),
                Caller.ALL_STORES)).next();
        decisions = new Decisions(new Decisions.Needs(vertx, store, BundleSigner.of(KeyPairGenerator
                .getInstance("Ed25519").generateKeyPair().getPrivate(), "k1"), devices, consent, kpis,
                (c, identifiers) -> null, JourneyReads::facts, guard, OutboxSettings.from(new JsonObject()),
                IntentPlacements.defaults(), meters, clock));
        decisions.start().await(30, TimeUnit.SECONDS);
        identity.onMerge(decisions::merged);
        underTest = new EventPipeline(vertx, store, new StoreEventLog(vertx, store), new PipelineParts(
                Identifiers::of, identity, consent, JourneyEngine::defaults, decisions.decider(), kpis,
                new DeviceOverview()), meters, clock, 1000);
    }

    /** Processes the events as one batch of log entries; waits for the commit. */
    void process(List<CloudEvent> events) throws Exception {
        underTest.process(events.stream().map(e -> new EventLog.Entry(e.source(), codec.encode(e))).toList())
                .await(30, TimeUnit.SECONDS);
    }

    /** Processes raw log entries (possibly unreadable ones). */
    void processRaw(List<EventLog.Entry> entries) throws Exception {
        underTest.process(entries).await(30, TimeUnit.SECONDS);
    }

    long count(String sql) throws Exception {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }).await(10, TimeUnit.SECONDS);
    }

    Optional<String> text(String sql) throws Exception {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        }).await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        decisions.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
