package dev.waymark.benchmarks.cloud;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.Store;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's limit: the same events written to the same kind of store (a {@link Store} on SQLite, WAL,
 * {@code synchronous=FULL}, one writer) as plain batched INSERTs, one row per event, one write per batch of the
 * pipeline's size, each waiting for the previous one as the pipeline's batches do.
 */
final class PlainInserts {

    private PlainInserts() {
    }

    /** Rows per second over all {@code entries}. */
    static double rowsPerSecond(Store store, List<EventLog.Entry> entries, int batch) throws Exception {
        store.write(c -> {
            try (Statement create = c.createStatement()) {
                create.execute("CREATE TABLE bench_rows (log_key TEXT NOT NULL, payload TEXT NOT NULL)");
            }
            return null;
        }).await(30, TimeUnit.SECONDS);
        long start = System.nanoTime();
        for (int from = 0; from < entries.size(); from += batch) {
            List<EventLog.Entry> slice = entries.subList(from, Math.min(entries.size(), from + batch));
            store.write(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_rows (log_key, payload) VALUES (?, ?)")) {
                    for (EventLog.Entry entry : slice) {
                        insert.setString(1, entry.key());
                        insert.setString(2, new String(entry.value(), StandardCharsets.UTF_8));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            }).await(60, TimeUnit.SECONDS);
        }
        return entries.size() / ((System.nanoTime() - start) / 1e9);
    }
}
