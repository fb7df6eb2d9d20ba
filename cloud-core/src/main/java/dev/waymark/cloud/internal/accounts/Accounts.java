package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's accounts over the {@link Store}: users with roles, their sign-in {@link #sessions()} and the
 * {@link #keys()}. Every method returns a Future and never blocks its caller: SQL goes through the Store and
 * password hashing runs on a worker. Refusals fail the Future with {@link AccountRefused}.
 */
public final class Accounts {

    /** The user {@link #ensureAdmin} creates in an empty database. */
    public static final String BOOTSTRAP_ADMIN = "admin";

    private final Vertx vertx;
    private final Store store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Sessions sessions;
    private final ApiKeys keys;

    /** Accounts in {@code store}, hashing with {@code hasher}, timed by {@code clock}. */
    public Accounts(Vertx vertx, Store store, PasswordHasher hasher, AccountsSettings settings, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions = new Sessions(vertx, store, hasher, settings, clock);
        this.keys = new ApiKeys(store, clock);
    }

    /** Sign-in, sign-out and session lookup. */
    public Sessions sessions() {
        return sessions;
    }

    /** API keys. */
    public ApiKeys keys() {
        return keys;
    }

    /** True for a valid write key (public, or secret with TRACK); the collector's {@code WriteKeys} adapts this. */
    public Future<Boolean> isWriteKey(String key) {
        return keys.isWriteKey(key);
    }

    /**
     * Creates a user. Fails with {@link AccountRefused}: 400 naming the field (name, password, role, stores),
     * 409 when the name is taken.
     */
    public Future<User> createUser(String name, String password, Role role, Set<String> stores) {
        Set<String> validStores;
        try {
            AccountRules.userName(name);
            AccountRules.password(password);
            validStores = AccountRules.storesFor(Objects.requireNonNull(role, "role"), stores);
        } catch (AccountRefused e) {
            return Future.failedFuture(e);
        }
        return vertx.executeBlocking(() -> hasher.hash(password), false).compose(hash -> store.write(c -> {
            long now = clock.millis();
            if (!UserTable.insert(c, name, hash, role, validStores, now)) {
                throw AccountRefused.conflict("a user named " + name + " exists");
            }
            return new User(name, role, validStores, now, Optional.empty());
        }));
    }

    /** Every user, by name. */
    public Future<List<User>> users() {
        return store.read(UserTable::list);
    }

    /**
     * Creates user {@value #BOOTSTRAP_ADMIN} with role admin when there is no user at all; true when it did. The
     * host calls it at start with {@code WM_ADMIN_PASSWORD} (or a generated password it prints once).
     */
    public Future<Boolean> ensureAdmin(String password) {
        try {
            AccountRules.password(password);
        } catch (AccountRefused e) {
            return Future.failedFuture(e);
        }
        return store.read(c -> UserTable.count(c, false)).compose(count -> count > 0 ? Future.succeededFuture(false)
                : vertx.executeBlocking(() -> hasher.hash(password), false).compose(hash -> store.write(c ->
                        UserTable.count(c, false) == 0
                                && UserTable.insert(c, BOOTSTRAP_ADMIN, hash, Role.ADMIN, Set.of(), clock.millis()))));
    }

    /**
     * Applies {@code change} to user {@code name}. Fails with {@link AccountRefused}: 400 naming the field, 404
     * for an unknown user, 409 when it would leave no enabled admin.
     */
    public Future<User> changeUser(String name, UserChange change) {
        if (change.isEmpty()) {
            return Future.failedFuture(AccountRefused.invalid("body", "names nothing to change"));
        }
        try {
            change.password().ifPresent(AccountRules::password);
            change.stores().ifPresent(AccountRules::stores);
        } catch (AccountRefused e) {
            return Future.failedFuture(e);
        }
        Future<Optional<String>> hash = change.password().isEmpty() ? Future.succeededFuture(Optional.empty())
                : vertx.executeBlocking(() -> Optional.of(hasher.hash(change.password().get())), false);
        return hash.compose(newHash -> store.write(c -> new UserEdit(c, clock.millis()).apply(name, change, newHash)));
    }
}
