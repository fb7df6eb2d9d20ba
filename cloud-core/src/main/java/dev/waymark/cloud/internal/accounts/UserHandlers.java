package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/users}, behind Scope.ACCOUNTS. Users are managed only by callers holding every scope on every store
 * (admins, or a secret key that broad), so nobody can mint or take over an account stronger than their own.
 */
final class UserHandlers {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "password", "role", "stores");
    private static final Set<String> CHANGE_FIELDS = Set.of("role", "stores", "disabled", "password");

    private final Accounts accounts;

    UserHandlers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** GET: {users: [...]}. */
    void list(RoutingContext context) {
        Replies.attempt(() -> {
            requireFullPower(Guard.caller(context));
            return accounts.users();
        }).onSuccess(users -> Replies.json(context, 200, new JsonObject().put("users",
                new JsonArray(users.stream().map(u -> (Object) AccountJson.user(u)).toList()))))
                .onFailure(failure -> Replies.failure(context, failure));
    }

    /** POST: {name, password, role, stores?} → 201 with the user. */
    void create(RoutingContext context) {
        Replies.attempt(() -> {
            requireFullPower(Guard.caller(context));
            JsonInput body = JsonInput.of(context, CREATE_FIELDS);
            String name = AccountRules.userName(body.requiredString("name"));
            String password = body.requiredString("password");
            Role role = role(body.requiredString("role"));
            return accounts.createUser(name, password, role, Set.copyOf(body.strings("stores").orElse(List.of())));
        }).onSuccess(user -> Replies.json(context, 201, AccountJson.user(user)))
                .onFailure(failure -> Replies.failure(context, failure));
    }

    /** PATCH /{name}: {role?, stores?, disabled?, password?} → 200 with the user. */
    void change(RoutingContext context) {
        Replies.attempt(() -> {
            requireFullPower(Guard.caller(context));
            String name = AccountRules.userName(context.pathParam("name"));
            JsonInput body = JsonInput.of(context, CHANGE_FIELDS);
            UserChange change = new UserChange(body.string("role").map(UserHandlers::role),
                    body.strings("stores").map(Set::copyOf), body.bool("disabled"), body.string("password"));
            return accounts.changeUser(name, change);
        }).onSuccess(user -> Replies.json(context, 200, AccountJson.user(user)))
                .onFailure(failure -> Replies.failure(context, failure));
    }

    private static Role role(String wire) {
        return Role.fromWire(wire).orElseThrow(() -> AccountRefused.invalid("role",
                "must be one of admin, marketing, store_manager, field_tech"));
    }

    private static void requireFullPower(Caller caller) {
        if (!caller.allStores() || !caller.scopes().containsAll(Role.ADMIN.scopes())) {
            throw AccountRefused.forbidden("managing users needs every scope on every store");
        }
    }
}
