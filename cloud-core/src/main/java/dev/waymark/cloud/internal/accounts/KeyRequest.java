package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Scope;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code POST /v1/api-keys} asks for.
 *
 * @param kind   public write key or secret key
 * @param scopes the scopes of a secret key; empty (meaning TRACK) or {TRACK} for a public key
 * @param stores the stores a secret key is limited to; empty for every store the creator may see
 * @param label  what the key is for
 */
public record KeyRequest(KeyKind kind, Set<Scope> scopes, Set<String> stores, String label) {

    public KeyRequest {
        Objects.requireNonNull(kind, "kind");
        scopes = Set.copyOf(scopes);
        stores = Set.copyOf(stores);
        Objects.requireNonNull(label, "label");
    }
}
