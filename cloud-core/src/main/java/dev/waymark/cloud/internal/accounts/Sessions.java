package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;

/**
 * Console sign-in and sessions: Argon2id checks on a worker, lockout after repeated failures, a fresh random
 * session id on every sign-in (so a planted id is never promoted), sliding expiry.
 */
public final class Sessions {

    /** The one answer to every failed sign-in, so it tells nobody which part was wrong. */
    static final String REFUSED = "name or password is wrong, or the account is locked for a while";
    // Sliding expiry writes at most once a minute per session, not on every request.
    private static final long SLIDE_STEP_MILLIS = 60_000;

    private final Vertx vertx;
    private final Store store;
    private final PasswordHasher hasher;
    private final AccountsSettings settings;
    private final Clock clock;
    private final SecretTokens tokens = new SecretTokens();

    Sessions(Vertx vertx, Store store, PasswordHasher hasher, AccountsSettings settings, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Signs {@code name} in and ends {@code previousSessionId} (if given). Fails with {@link AccountRefused}: 400
     * for a missing or oversize field, 401 ({@link #REFUSED}) for an unknown, disabled or locked user or a wrong
     * password, all after the same hashing work.
     */
    public Future<SignedIn> signIn(String name, String password, Optional<String> previousSessionId) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return Future.failedFuture(AccountRefused.invalid("name", "is required, up to 64 characters"));
        }
        if (password == null || password.isEmpty() || password.length() > AccountRules.MAX_PASSWORD_CHARS) {
            return Future.failedFuture(AccountRefused.invalid("password", "is required, up to "
                    + AccountRules.MAX_PASSWORD_CHARS + " characters"));
        }
        return store.read(c -> UserTable.find(c, name))
                .compose(row -> vertx.executeBlocking(() -> check(row, password), false))
                .compose(row -> row.isPresent() ? open(row.get(), previousSessionId) : refuse(name));
    }

    /** The row when the password matches a user who may sign in now; empty otherwise. Blocking. */
    private Optional<UserTable.Row> check(Optional<UserTable.Row> row, String password) {
        boolean usable = row.isPresent() && row.get().user().disabledAt().isEmpty()
                && row.get().lockedUntil() <= clock.millis();
        if (!usable) {
            hasher.spendVerifyTime(password);
            return Optional.empty();
        }
        return hasher.verify(password, row.get().passwordHash()) ? row : Optional.empty();
    }

    private Future<SignedIn> open(UserTable.Row row, Optional<String> previousSessionId) {
        String sessionId = tokens.next("");
        String csrfToken = tokens.next("");
        return store.write(c -> {
            long now = clock.millis();
            // Re-read under the writer: failures racing this sign-in may have locked the user meanwhile.
            Optional<UserTable.Row> current = UserTable.find(c, row.user().name());
            if (current.isEmpty() || current.get().lockedUntil() > now
                    || current.get().user().disabledAt().isPresent()) {
                throw AccountRefused.unauthenticated(REFUSED);
            }
            UserTable.clearFailures(c, row.user().name());
            SessionTable.deleteExpired(c, now);
            if (previousSessionId.isPresent()) {
                SessionTable.delete(c, SecretTokens.digest(previousSessionId.get()));
            }
            long expiresAt = now + settings.sessionTtl().toMillis();
            SessionTable.insert(c, SecretTokens.digest(sessionId), row.user().name(), csrfToken, now, expiresAt);
            return new SignedIn(sessionId, new Session(current.get().user(), csrfToken, expiresAt));
        });
    }

    private Future<SignedIn> refuse(String name) {
        long lockedUntil = clock.millis() + settings.lockout().toMillis();
        return store.write(c -> {
            // Only count failures against a user who is not locked yet, so a lock is not extended by guessing.
            Optional<UserTable.Row> row = UserTable.find(c, name);
            if (row.isPresent() && row.get().lockedUntil() <= clock.millis()) {
                UserTable.recordFailure(c, name, settings.lockoutAttempts(), lockedUntil);
            }
            return null;
        }).transform(done -> Future.failedFuture(AccountRefused.unauthenticated(REFUSED)));
    }

    /** The live session {@code sessionId} names, its expiry pushed forward; empty when unknown or expired. */
    public Future<Optional<Session>> find(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return Future.succeededFuture(Optional.empty());
        }
        String idHash = SecretTokens.digest(sessionId);
        long now = clock.millis();
        return store.read(c -> SessionTable.findLive(c, idHash, now)).compose(found -> {
            long expiresAt = now + settings.sessionTtl().toMillis();
            if (found.isEmpty() || expiresAt - found.get().expiresAt() < SLIDE_STEP_MILLIS) {
                return Future.succeededFuture(found);
            }
            Session session = found.get();
            // Waiting for the commit keeps "used, so still valid" true on every replica reading the store next.
            return store.write(c -> {
                SessionTable.slide(c, idHash, expiresAt);
                return Optional.of(new Session(session.user(), session.csrfToken(), expiresAt));
            });
        });
    }

    /** Ends the session {@code sessionId} names; succeeds whether or not it existed. */
    public Future<Void> signOut(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return Future.succeededFuture();
        }
        String idHash = SecretTokens.digest(sessionId);
        return store.write(c -> {
            SessionTable.delete(c, idHash);
            return null;
        });
    }
}
