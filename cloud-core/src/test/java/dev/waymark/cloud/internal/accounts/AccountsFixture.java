package dev.waymark.cloud.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.BlockedLoopWatch;
import dev.waymark.cloud.testing.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));
    final JdbcStore store;
    final Accounts accounts;
    private final BlockedLoopWatch blockedLoops = new BlockedLoopWatch();
    private final List<String> blocked = blockedLoops.warnings();

    AccountsFixture(String url) throws SQLException {
        this(url, AccountsSettings.DEFAULTS);
    }

    AccountsFixture(String url, AccountsSettings settings) throws SQLException {
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
        blockedLoops.close();
        assertThat(blocked).as("blocked event loop warnings").isEmpty();
    }
}
