package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as listed: everything but the secret, which is only shown once, at creation.
 *
 * @param id        the key's public id, e.g. {@code key_01J...}; what audit logs name
 * @param kind      public write key or secret key
 * @param scopes    what the key may do ({@code TRACK} only for public keys)
 * @param stores    the stores it is limited to; empty for every store
 * @param label     what the key is for, given by its creator
 * @param createdBy the user or key that created it
 * @param createdAt epoch milliseconds
 * @param revokedAt epoch milliseconds when revoked, empty while valid
 */
public record ApiKey(String id, KeyKind kind, Set<Scope> scopes, Set<String> stores, String label, String createdBy,
                     long createdAt, Optional<Long> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        scopes = Set.copyOf(scopes);
        stores = Set.copyOf(stores);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** The authenticated caller this key is. */
    public Caller caller() {
        return new Caller(id, scopes, stores.isEmpty() ? Caller.ALL_STORES : stores);
    }
}
