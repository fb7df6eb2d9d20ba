package dev.waymark.benchmarks.cloud;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.pipeline.EventPipeline;
import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Load generator: fills the embedded event log (a real {@link JdbcStore} on SQLite in a temp folder, with
 * {@link StoreEventLog}) with N masked kiosk and web events, then measures how fast the real pipeline (dedup,
 * identity, consent, journey, triggered decisions, KPI and device facts, store) drains it. Beside it, from the
 * same run: the same events as plain batched INSERTs into the same kind of store ({@link PlainInserts}). Arguments:
 * events (100000), batch (500, the {@code pipeline.batch} default). Prints both, the ratio and what was recorded.
 */
public final class PipelineThroughput {

    private static final int APPEND_CHUNK = 1_000;

    private PipelineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path folder = Files.createTempDirectory("wm-pipeline-bench");
        Vertx vertx = Vertx.vertx();
        List<EventLog.Entry> entries = JourneyTraffic.of(count, Instant.now());
        double pipelinePerSecond;
        double writerMicrosPerEvent;
        Map<String, Long> recorded;
        try (JdbcStore store = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("cloud.db"), 4)) {
            StoreEventLog log = new StoreEventLog(vertx, store);
            for (int from = 0; from < count; from += APPEND_CHUNK) {
                log.append(entries.subList(from, Math.min(count, from + APPEND_CHUNK))).await(60, TimeUnit.SECONDS);
            }
            try (PipelineHost host = PipelineHost.assemble(vertx, store, log, 100_000).await(60, TimeUnit.SECONDS)) {
                long start = System.nanoTime();
                long writerStart = WriterCpu.nanos();
                host.start(batch);
                while (log.lag(EventPipeline.GROUP).await(60, TimeUnit.SECONDS) > 0) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                pipelinePerSecond = count / ((System.nanoTime() - start) / 1e9);
                writerMicrosPerEvent = (WriterCpu.nanos() - writerStart) / 1000.0 / count;
                log.close();
                recorded = recorded(store);
            }
        }
        double limitPerSecond;
        double limitMicrosPerRow;
        try (JdbcStore limitStore = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("limit.db"), 1)) {
            long writerStart = WriterCpu.nanos();
            limitPerSecond = PlainInserts.rowsPerSecond(limitStore, entries, batch);
            limitMicrosPerRow = (WriterCpu.nanos() - writerStart) / 1000.0 / count;
        }
        print(count, batch, new double[] {pipelinePerSecond, limitPerSecond}, new double[] {writerMicrosPerEvent,
                limitMicrosPerRow}, recorded);
        vertx.close().await(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static Map<String, Long> recorded(JdbcStore store) throws Exception {
        return store.read(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String query : List.of(
                    "SELECT 'events kept (seen_events)', COUNT(*) FROM seen_events",
                    "SELECT 'profiles', COUNT(*) FROM profiles",
                    "SELECT 'journeys', COUNT(*) FROM journeys",
                    "SELECT 'consent records', COUNT(*) FROM consent_records",
                    "SELECT 'decisions ' || COALESCE(intent, '-') || ' ' || status, COUNT(*) FROM decisions"
                            + " GROUP BY intent, status ORDER BY intent, status",
                    "SELECT 'outbox rows ' || state, COUNT(*) FROM outbox GROUP BY state ORDER BY state",
                    "SELECT 'kpi purchases', COUNT(*) FROM kpi_purchases",
                    "SELECT 'kpi journeys', COUNT(*) FROM kpi_journeys")) {
                try (PreparedStatement select = c.prepareStatement(query); ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        }).await(60, TimeUnit.SECONDS);
    }

    private static void print(int count, int batch, double[] perSecond, double[] writerMicros,
            Map<String, Long> recorded) {
        System.out.printf(Locale.ROOT, "%nPipeline throughput: %d events, batches of %d, SQLite (WAL, synchronous=FULL)"
                + "%n", count, batch);
        System.out.printf(Locale.ROOT, "%-52s %14s %14s %8s%n", "figure", "pipeline", "limit", "ratio");
        System.out.printf(Locale.ROOT, "%-52s %14.0f %14.0f %8.2f%n",
                "events/s (limit: plain batched INSERTs, rows/s)", perSecond[0], perSecond[1],
                perSecond[0] / perSecond[1]);
        System.out.printf(Locale.ROOT, "%-52s %14.1f %14.1f %8.2f%n", "store writer CPU per event (us)",
                writerMicros[0], writerMicros[1], writerMicros[0] / writerMicros[1]);
        System.out.printf(Locale.ROOT, "%-52s %14.0f %14.0f%n", "events/s if the writer had one core (1e6 / CPU us)",
                1e6 / writerMicros[0], 1e6 / writerMicros[1]);
        System.out.printf(Locale.ROOT, "Recorded by the pipeline:%n");
        recorded.forEach((what, rows) -> System.out.printf(Locale.ROOT, "  %-50s %10d%n", what, rows));
    }
}
