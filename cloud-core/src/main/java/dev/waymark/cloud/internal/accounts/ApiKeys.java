package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Scope;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys: public write keys ({@code wm_pk_...}, TRACK only) for collectors and secret keys ({@code wm_sk_...})
 * with chosen scopes and stores. A key's secret is shown once, at creation, and stored as its SHA-256.
 */
public final class ApiKeys {

    /** Longest string ever looked up as a key; anything longer is not one of ours. */
    private static final int MAX_KEY_CHARS = 100;

    private final Store store;
    private final Clock clock;
    private final SecretTokens tokens = new SecretTokens();
    private final UlidGenerator ids;

    ApiKeys(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.ids = new UlidGenerator(clock, new SecureRandom());
    }

    /**
     * Creates a key on behalf of {@code creator}, who can grant no scope and no store it does not hold itself.
     * Fails with {@link AccountRefused}: 400 naming the field, 403 for a grant beyond the creator's own.
     */
    public Future<IssuedKey> create(KeyRequest request, Caller creator) {
        ApiKey key;
        try {
            key = key(request, creator);
        } catch (AccountRefused e) {
            return Future.failedFuture(e);
        }
        String secret = tokens.next(request.kind().prefix());
        return store.write(c -> {
            KeyTable.insert(c, key, SecretTokens.digest(secret));
            return new IssuedKey(key, secret);
        });
    }

    private ApiKey key(KeyRequest request, Caller creator) {
        String label = AccountRules.label(request.label());
        Set<String> stores = AccountRules.stores(request.stores());
        Set<Scope> scopes = request.scopes();
        if (request.kind() == KeyKind.PUBLIC) {
            if (!scopes.isEmpty() && !scopes.equals(Set.of(Scope.TRACK))) {
                throw AccountRefused.invalid("scopes", "a public key may only have the scope track");
            }
            if (!stores.isEmpty()) {
                throw AccountRefused.invalid("stores", "a public key is not limited to stores");
            }
            scopes = Set.of(Scope.TRACK);
        } else if (scopes.isEmpty()) {
            throw AccountRefused.invalid("scopes", "a secret key needs at least one scope");
        }
        if (!creator.scopes().containsAll(scopes)) {
            throw AccountRefused.forbidden("a key cannot be given a scope its creator does not hold");
        }
        if (!creator.allStores() && (stores.isEmpty() || !creator.stores().containsAll(stores))) {
            throw AccountRefused.forbidden("a key cannot reach a store its creator may not see");
        }
        return new ApiKey("key_" + ids.next(), request.kind(), scopes, stores, label, creator.id(),
                clock.millis(), Optional.empty());
    }

    /** Every key, revoked ones included, without secrets. */
    public Future<List<ApiKey>> list() {
        return store.read(KeyTable::list);
    }

    /** Revokes key {@code id}; fails with a 404 {@link AccountRefused} when there is none. */
    public Future<Void> revoke(String id) {
        long now = clock.millis();
        return store.write(c -> {
            if (!KeyTable.revoke(c, id, now)) {
                throw AccountRefused.notFound("no API key " + id);
            }
            return null;
        });
    }

    /** The valid (not revoked) key {@code secret} is, if any. */
    public Future<Optional<ApiKey>> find(String secret) {
        if (secret == null || secret.length() > MAX_KEY_CHARS || KeyKind.ofKey(secret).isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        String hash = SecretTokens.digest(secret);
        return store.read(c -> KeyTable.findBySecretHash(c, hash))
                .map(found -> found.filter(key -> key.revokedAt().isEmpty()
                        && key.kind() == KeyKind.ofKey(secret).orElseThrow()));
    }

    /** True for a valid public key or a valid secret key holding TRACK: what the collector accepts. */
    public Future<Boolean> isWriteKey(String key) {
        return find(key).map(found -> found.filter(k -> k.scopes().contains(Scope.TRACK)).isPresent());
    }
}
