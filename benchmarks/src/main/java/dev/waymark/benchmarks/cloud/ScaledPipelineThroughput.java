package dev.waymark.benchmarks.cloud;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.log.EventLogs;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.log.kafka.KafkaEventLog;
import dev.waymark.cloud.internal.log.kafka.KafkaLogSettings;
import dev.waymark.cloud.internal.pipeline.EventPipeline;
import dev.waymark.cloud.internal.pipeline.ProfileRouter;
import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Load generator for the scaled configuration (docs/scaling.md): one replica's pipeline on the PostgreSQL at
 * {@code WM_PG_URL}, draining the same N events ({@link JourneyTraffic}) once from the store's own log and once from
 * Kafka (a real KRaft broker started in this JVM) through the profile router, as {@code CloudAssembly} wires each.
 * Beside them, from the same run, the limit: the same events as plain batched INSERTs into the same PostgreSQL.
 * Each part runs in a schema of its own, dropped afterwards. Arguments: events (20000), batch (500).
 */
public final class ScaledPipelineThroughput {

    private static final int APPEND_CHUNK = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScaledPipelineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String base = System.getenv("WM_PG_URL");
        if (base == null || base.isBlank()) {
            System.err.println("WM_PG_URL is not set: give it a jdbc:postgresql: URL of a database to use, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            System.exit(2);
        }
        Vertx vertx = Vertx.vertx();
        List<EventLog.Entry> entries = JourneyTraffic.of(count, Instant.now());
        double storeLog = inSchema(base, url -> drainStoreLog(vertx, url, entries, batch));
        double kafka;
        try (KafkaClusterTestKit broker = kafka()) {
            kafka = inSchema(base, url -> drainKafka(vertx, url, broker.bootstrapServers(), entries, batch));
        }
        double limit = inSchema(base, url -> {
            try (JdbcStore store = JdbcStore.open(vertx, url, 1)) {
                return PlainInserts.rowsPerSecond(store, entries, batch);
            }
        });
        System.out.printf(Locale.ROOT, "%nScaled pipeline throughput: %d events, batches of %d, one replica, "
                + "PostgreSQL%n", count, batch);
        System.out.printf(Locale.ROOT, "%-58s %12s %8s%n", "figure", "events/s", "ratio");
        for (Map.Entry<String, Double> row : List.of(Map.entry("pipeline, store's log (no router)", storeLog),
                Map.entry("pipeline, Kafka log through the profile router", kafka),
                Map.entry("limit: plain batched INSERTs into PostgreSQL (rows/s)", limit))) {
            System.out.printf(Locale.ROOT, "%-58s %12.0f %8.3f%n", row.getKey(), row.getValue(),
                    row.getValue() / limit);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static double drainStoreLog(Vertx vertx, String url, List<EventLog.Entry> entries, int batch)
            throws Exception {
        try (JdbcStore store = JdbcStore.open(vertx, url, 4)) {
            StoreEventLog log = new StoreEventLog(vertx, store);
            append(log, entries);
            try (PipelineHost host = PipelineHost.assemble(vertx, store, EventLogs.single(log), 100_000)
                    .await(60, TimeUnit.SECONDS)) {
                return drain(host, batch, entries.size(), () -> log.lag(EventPipeline.GROUP));
            } finally {
                log.close();
            }
        }
    }

    private static double drainKafka(Vertx vertx, String url, String bootstrap, List<EventLog.Entry> entries,
            int batch) throws Exception {
        String run = HexFormat.of().formatHex(randomBytes(4));
        KafkaLogSettings settings = new KafkaLogSettings(bootstrap, "bench.events." + run,
                "bench.profile-events." + run, 12, 1, Map.of());
        try (JdbcStore store = JdbcStore.open(vertx, url, 4)) {
            EventLogs logs = EventLogs.routed(KafkaEventLog.open(vertx, settings).await(60, TimeUnit.SECONDS),
                    KafkaEventLog.openProfiles(vertx, settings).await(60, TimeUnit.SECONDS));
            append(logs.ingest(), entries);
            // As CloudAssembly on a shared log: no journey contexts cached.
            try (PipelineHost host = PipelineHost.assemble(vertx, store, logs, 0).await(60, TimeUnit.SECONDS)) {
                return drain(host, batch, entries.size(), () -> logs.ingest().lag(ProfileRouter.GROUP)
                        .compose(routing -> logs.pipeline().lag(EventPipeline.GROUP).map(applying ->
                                routing + applying)));
            } finally {
                logs.close();
            }
        }
    }

    private interface Lag {
        Future<Long> now();
    }

    private static double drain(PipelineHost host, int batch, int count, Lag lag) throws Exception {
        long start = System.nanoTime();
        host.start(batch);
        while (lag.now().await(60, TimeUnit.SECONDS) > 0) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void append(EventLog log, List<EventLog.Entry> entries) throws Exception {
        for (int from = 0; from < entries.size(); from += APPEND_CHUNK) {
            log.append(entries.subList(from, Math.min(entries.size(), from + APPEND_CHUNK)))
                    .await(60, TimeUnit.SECONDS);
        }
    }

    private interface InSchema {
        double run(String url) throws Exception;
    }

    /** Runs {@code work} with the URL of a fresh schema, dropped afterwards. */
    private static double inSchema(String base, InSchema work) throws Exception {
        String schema = "wm_bench_" + HexFormat.of().formatHex(randomBytes(6));
        execute(base, "CREATE SCHEMA " + schema);
        try {
            return work.run(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** One combined broker and controller, configured as the tests' broker is. */
    private static KafkaClusterTestKit kafka() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }
}
