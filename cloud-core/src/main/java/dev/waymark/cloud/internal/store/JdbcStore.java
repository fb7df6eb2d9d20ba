package dev.waymark.cloud.internal.store;

import dev.waymark.cloud.Store;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * {@link Store} over JDBC: one writer thread that group-commits queued work (each piece in its own savepoint) and
 * a pool of reading connections used from Vert.x worker threads. SQLite runs in WAL mode with
 * {@code synchronous=FULL}, so a completed write survives a power cut; PostgreSQL is reached by URL. A connection
 * the database dropped is replaced after the work that hit it failed.
 */
public final class JdbcStore implements Store {

    private static final Logger LOG = Logger.getLogger(JdbcStore.class.getName());
    /** Pieces of work per transaction at most: enough to amortise the fsync, few enough to bound latency. */
    private static final int MAX_GROUP = 512;
    private static final int VALID_SECONDS = 2;
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s)]*");

    private final Vertx vertx;
    private final String url;
    private final Dialect dialect;
    /** Replaced only by the writer thread, when the server dropped it. */
    private Connection writer;
    private final BlockingQueue<Connection> readers;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private record Pending<T>(Work<T> work, Promise<T> promise, Context context) {
    }

    private JdbcStore(Vertx vertx, String url, int readConnections) throws SQLException {
        this.vertx = vertx;
        this.url = url;
        this.dialect = url.startsWith("jdbc:sqlite:") ? Dialect.SQLITE : Dialect.POSTGRESQL;
        Connection raw = open();
        raw.setAutoCommit(false);
        this.writer = StatementCache.wrap(raw);
        this.readers = new ArrayBlockingQueue<>(readConnections);
        for (int i = 0; i < readConnections; i++) {
            readers.add(open());
        }
        this.thread = new Thread(this::run, "wm-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens the store at {@code jdbcUrl} ({@code jdbc:sqlite:/path/cloud.db} or {@code jdbc:postgresql://...}),
     * migrating its schema first. Blocking: call from a worker or at start-up.
     *
     * @throws SQLException when the database cannot be opened or migrated
     */
    public static JdbcStore open(Vertx vertx, String jdbcUrl, int readConnections) throws SQLException {
        Objects.requireNonNull(vertx, "vertx");
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store.url: must be jdbc:sqlite:... or jdbc:postgresql:..., got "
                    + redacted(jdbcUrl));
        }
        migrate(jdbcUrl);
        return new JdbcStore(vertx, jdbcUrl, Math.max(1, readConnections));
    }

    private static void migrate(String jdbcUrl) throws SQLException {
        try {
            Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration")
                    .load().migrate();
        } catch (RuntimeException e) {
            throw new SQLException(redacted("cannot migrate " + jdbcUrl + ": " + e.getMessage()), e);
        }
    }

    /** {@code text} with the value of every {@code password=} URL parameter hidden, for messages and logs. */
    static String redacted(String text) {
        return PASSWORD.matcher(text).replaceAll("$1***");
    }

    private Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, connectionProperties(dialect));
        if (dialect == Dialect.SQLITE) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA foreign_keys=ON");
                // Deleted rows are overwritten with zeros, not left in free pages: an erased person's data must
                // not survive in the file (docs/privacy.md); the erasure then truncates the WAL.
                s.execute("PRAGMA secure_delete=ON");
            }
        }
        return connection;
    }

    /**
     * Driver defaults for PostgreSQL; a parameter given in the URL wins over these. The driver sends a batch of
     * inserts as multi-row statements only with {@code reWriteBatchedInserts} (the event log appends in batches);
     * the application name and keepalive make the store's connections identifiable and keep idle ones alive
     * through NAT and firewalls.
     */
    static Properties connectionProperties(Dialect dialect) {
        Properties properties = new Properties();
        if (dialect == Dialect.POSTGRESQL) {
            properties.setProperty("reWriteBatchedInserts", "true");
            properties.setProperty("ApplicationName", "waymark-cloud");
            properties.setProperty("tcpKeepAlive", "true");
        }
        return properties;
    }

    @Override
    public <T> Future<T> write(Work<T> work) {
        Objects.requireNonNull(work, "work");
        Promise<T> promise = Promise.promise();
        if (closed) {
            return Future.failedFuture(new IllegalStateException("store is closed"));
        }
        queue.add(new Pending<>(work, promise, vertx.getOrCreateContext()));
        return promise.future();
    }

    @Override
    public <T> Future<T> read(Work<T> work) {
        Objects.requireNonNull(work, "work");
        return vertx.executeBlocking(() -> {
            Connection connection = readers.take();
            try {
                return work.run(connection);
            } catch (SQLException e) {
                connection = usable(connection, true);
                throw e;
            } finally {
                readers.add(connection);
            }
        }, false);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    private void run() {
        List<Pending<?>> group = new ArrayList<>(MAX_GROUP);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commitGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commitGroup(List<Pending<?>> group) {
        Object[] results = new Object[group.size()];
        Throwable[] failures = new Throwable[group.size()];
        try {
            for (int i = 0; i < group.size(); i++) {
                Savepoint savepoint = writer.setSavepoint();
                try {
                    results[i] = group.get(i).work().run(writer);
                    writer.releaseSavepoint(savepoint);
                } catch (SQLException | RuntimeException e) {
                    writer.rollback(savepoint);
                    failures[i] = e;
                }
            }
            writer.commit();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "store commit failed: " + e.getMessage());
            try {
                writer.rollback();
            } catch (SQLException ignored) {
                // The commit's failure is what the callers hear about.
            }
            for (int i = 0; i < group.size(); i++) {
                failures[i] = e;
            }
            Connection usable = usable(writer, false);
            if (usable != writer) {
                writer = StatementCache.wrap(usable);
            }
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results[i], failures[i]);
        }
    }

    /**
     * {@code connection}, or a fresh one when the server dropped it (a PostgreSQL restart or failover ends every
     * session); when none can be opened yet the broken one is kept and the next failure tries again.
     */
    private Connection usable(Connection connection, boolean autoCommit) {
        try {
            if (connection.isValid(VALID_SECONDS)) {
                return connection;
            }
            Connection fresh = open();
            fresh.setAutoCommit(autoCommit);
            closeQuietly(connection);
            LOG.log(Level.INFO, "store: replaced a connection the database had dropped");
            return fresh;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "store: cannot reconnect yet: " + redacted(String.valueOf(e.getMessage())));
            return connection;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result, Throwable failure) {
        pending.context().runOnContext(v -> {
            if (failure != null) {
                pending.promise().fail(failure);
            } else {
                pending.promise().complete((T) result);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(writer);
        readers.forEach(JdbcStore::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing a connection: " + e.getMessage());
        }
    }
}
