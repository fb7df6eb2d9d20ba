package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Caller;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A console user as listed (never its password hash).
 *
 * @param name       the sign-in name
 * @param role       what the user may do
 * @param stores     the stores a store-scoped role is limited to; empty for roles that see every store
 * @param createdAt  epoch milliseconds
 * @param disabledAt epoch milliseconds when disabled, empty while the user may sign in
 */
public record User(String name, Role role, Set<String> stores, long createdAt, Optional<Long> disabledAt) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        stores = Set.copyOf(stores);
        Objects.requireNonNull(disabledAt, "disabledAt");
    }

    /** The stores as a {@link Caller} holds them: {@link Caller#ALL_STORES} for roles that see every store. */
    public Set<String> callerStores() {
        return role.storeScoped() ? stores : Caller.ALL_STORES;
    }

    /** The authenticated caller this user is. */
    public Caller caller() {
        return new Caller(name, role.scopes(), callerStores());
    }
}
