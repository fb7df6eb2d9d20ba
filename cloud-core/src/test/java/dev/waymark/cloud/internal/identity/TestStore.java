package dev.waymark.cloud.internal.identity;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Vertx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real store (a SQLite file, or a PostgreSQL schema), with blocking helpers for assertions. */
public final class TestStore implements AutoCloseable {

    public final Vertx vertx = Vertx.vertx();
    public final Store store;

    public TestStore(String url) throws SQLException {
        store = JdbcStore.open(vertx, url, 2);
    }

    /** Runs {@code work} in the writer and waits for the commit. */
    public <T> T write(Store.Work<T> work) throws Exception {
        return store.write(work).await(10, TimeUnit.SECONDS);
    }

    /** The first column of every row {@code sql} (with string {@code args}) returns, as text. */
    public List<String> column(String sql, String... args) throws Exception {
        return store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    select.setString(i + 1, args[i]);
                }
                List<String> values = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            }
        }).await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
