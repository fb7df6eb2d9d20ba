package dev.waymark.cloud.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A real store (a SQLite file or a PostgreSQL schema) and accounts over it; cheap Argon2 parameters keep the
 * tests quick. Closing it fails the test when Vert.x reported a blocked event loop (the checker only logs, so
 * the fixture listens).
 */
final class AccountsFixture implements AutoCloseable {

    /** Argon2id with tiny memory: the hasher's own test runs the real parameters. */
    static final PasswordHasher CHEAP_HASHER = new PasswordHasher(64, 1, 1);
    static final String PASSWORD = "a long enough password";

    final Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(100)
            .setWarningExceptionTime(1).setWarningExceptionTimeUnit(TimeUnit.SECONDS));
    final MutableClock clock = new MutableClock();
    final JdbcStore store;
    final Accounts accounts;
    private final List<String> blocked = new CopyOnWriteArrayList<>();
    // Vert.x logs the checker's warning under io.vertx.core...; the parent logger still sees it if the class moves.
    private final Logger vertxLogger = Logger.getLogger("io.vertx");
    private final Handler watch = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (String.valueOf(record.getMessage()).contains("has been blocked")) {
                blocked.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    AccountsFixture(String url) throws SQLException {
        this(url, AccountsSettings.DEFAULTS);
    }

    AccountsFixture(String url, AccountsSettings settings) throws SQLException {
        vertxLogger.addHandler(watch);
        store = JdbcStore.open(vertx, url, 2);
        accounts = new Accounts(vertx, store, CHEAP_HASHER, settings, clock);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }

    /** The failure of {@code future}, which must fail. */
    static Throwable failure(Future<?> future) {
        try {
            future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10 s", e);
        } catch (RuntimeException expected) {
            return expected;
        }
        throw new AssertionError("expected a failure");
    }

    @Override
    public void close() throws Exception {
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        vertxLogger.removeHandler(watch);
        assertThat(blocked).as("blocked event loop warnings").isEmpty();
    }
}
