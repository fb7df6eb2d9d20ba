package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.Store;
import io.vertx.core.Future;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * After an erasure on SQLite: {@code PRAGMA wal_checkpoint(TRUNCATE)} copies the WAL into the database (whose
 * deleted rows {@code secure_delete} zeroed) and truncates it, so no frame with the old pages stays on disk.
 * Runs on a reading connection, outside the writer's open transaction; retried while readers are busy.
 */
final class WalCheckpoint {

    /** How the checkpoint went, for the erasure's answer. */
    enum Result { COMPLETE, BUSY, NOT_APPLICABLE }

    private static final int ATTEMPTS = 20;
    private static final long PAUSE_MS = 100;

    private WalCheckpoint() {
    }

    static Future<Result> run(Store store) {
        if (store.dialect() != Store.Dialect.SQLITE) {
            return Future.succeededFuture(Result.NOT_APPLICABLE);
        }
        return store.read(c -> {
            try (Statement statement = c.createStatement()) {
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    try (ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                        if (rows.next() && rows.getInt(1) == 0) {
                            return Result.COMPLETE;
                        }
                    }
                    pause();
                }
            }
            return Result.BUSY;
        });
    }

    // A worker thread (Store.read), never an event loop: a short pause lets a reader finish its snapshot.
    private static void pause() throws SQLException {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to checkpoint", e);
        }
    }
}
