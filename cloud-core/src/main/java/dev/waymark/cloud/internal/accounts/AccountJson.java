package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/** The JSON shapes of accounts in responses; none carries a hash, and only a new key carries its secret. */
final class AccountJson {

    private AccountJson() {
    }

    static JsonObject user(User user) {
        JsonObject json = new JsonObject().put("name", user.name()).put("role", user.role().wireName())
                .put("stores", sorted(user.stores())).put("created", instant(user.createdAt()))
                .put("disabled", user.disabledAt().isPresent());
        user.disabledAt().ifPresent(at -> json.put("disabledAt", instant(at)));
        return json;
    }

    static JsonObject session(Session session) {
        User user = session.user();
        return new JsonObject().put("user", user.name()).put("role", user.role().wireName())
                .put("stores", sorted(user.callerStores())).put("scopes", scopes(user.role().scopes()))
                .put("csrfToken", session.csrfToken()).put("expires", instant(session.expiresAt()));
    }

    static JsonObject key(ApiKey key) {
        JsonObject json = new JsonObject().put("id", key.id()).put("kind", key.kind().wireName())
                .put("scopes", scopes(key.scopes())).put("stores", sorted(key.stores())).put("label", key.label())
                .put("createdBy", key.createdBy()).put("created", instant(key.createdAt()))
                .put("revoked", key.revokedAt().isPresent());
        key.revokedAt().ifPresent(at -> json.put("revokedAt", instant(at)));
        return json;
    }

    static JsonArray scopes(Collection<Scope> scopes) {
        return sorted(scopes.stream().map(Scope::wireName).toList());
    }

    private static JsonArray sorted(Collection<String> values) {
        return new JsonArray(new TreeSet<>(values).stream().map(v -> (Object) v).toList());
    }

    private static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
