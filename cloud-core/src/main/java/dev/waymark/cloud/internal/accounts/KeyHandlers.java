package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code /v1/api-keys}, behind Scope.ACCOUNTS: create (secret shown once), list (never secrets), revoke. */
final class KeyHandlers {

    private static final Set<String> CREATE_FIELDS = Set.of("kind", "scopes", "stores", "label");
    private static final int MAX_ID_CHARS = 64;

    private final ApiKeys keys;

    KeyHandlers(ApiKeys keys) {
        this.keys = keys;
    }

    /** GET: {keys: [...]}. */
    void list(RoutingContext context) {
        keys.list().onSuccess(all -> Replies.json(context, 200, new JsonObject().put("keys",
                new JsonArray(all.stream().map(k -> (Object) AccountJson.key(k)).toList()))))
                .onFailure(failure -> Replies.failure(context, failure));
    }

    /** POST: {kind, scopes?, stores?, label} → 201 with the key and, this once, its {@code secret}. */
    void create(RoutingContext context) {
        Replies.attempt(() -> {
            JsonInput body = JsonInput.of(context, CREATE_FIELDS);
            KeyKind kind = KeyKind.fromWire(body.requiredString("kind"))
                    .orElseThrow(() -> AccountRefused.invalid("kind", "must be public or secret"));
            Set<Scope> scopes = scopes(body.strings("scopes").orElse(List.of()));
            KeyRequest request = new KeyRequest(kind, scopes, Set.copyOf(body.strings("stores").orElse(List.of())),
                    body.requiredString("label"));
            return keys.create(request, Guard.caller(context));
        }).onSuccess(issued -> Replies.json(context, 201, AccountJson.key(issued.key())
                .put("secret", issued.secret()))).onFailure(failure -> Replies.failure(context, failure));
    }

    /** DELETE /{id}: revokes the key; 204, or 404 for an unknown id. */
    void revoke(RoutingContext context) {
        String id = context.pathParam("id");
        if (id.length() > MAX_ID_CHARS) {
            Replies.failure(context, AccountRefused.invalid("id", "is longer than " + MAX_ID_CHARS + " characters"));
            return;
        }
        keys.revoke(id).onSuccess(done -> Replies.noContent(context))
                .onFailure(failure -> Replies.failure(context, failure));
    }

    private static Set<Scope> scopes(List<String> names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                scopes.add(Scope.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw AccountRefused.invalid("scopes[" + i + "]", "must be one of track, decide, read, consent, "
                        + "admin, accounts, devices, privacy");
            }
        }
        return scopes;
    }
}
