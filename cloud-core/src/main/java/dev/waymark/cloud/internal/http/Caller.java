package dev.waymark.cloud.internal.http;

import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, once authenticated: a user (signed in) or an API key.
 *
 * @param id     the user's name or the key's id; never a secret
 * @param scopes what the caller may do
 * @param stores the stores the caller may see; {@link #ALL_STORES} for every store
 */
public record Caller(String id, Set<Scope> scopes, Set<String> stores) {

    /** The stores value meaning "every store". */
    public static final Set<String> ALL_STORES = Set.of("*");

    /** The key of the caller in a {@code RoutingContext}'s data. */
    public static final String CONTEXT_KEY = "wm.caller";

    public Caller {
        Objects.requireNonNull(id, "id");
        scopes = Set.copyOf(scopes);
        stores = Set.copyOf(stores);
    }

    /** True when the caller holds {@code scope}. */
    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }

    /** True when the caller may see {@code storeId}. */
    public boolean mayAccessStore(String storeId) {
        return stores.contains("*") || stores.contains(storeId);
    }

    /** True when the caller may see every store (admin, marketing, an unscoped key). */
    public boolean allStores() {
        return stores.contains("*");
    }
}
