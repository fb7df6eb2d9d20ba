package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Objects;

/**
 * The accounts API (docs/accounts.md): {@code /v1/session} for the console's sign-in, {@code /v1/users} and
 * {@code /v1/api-keys} behind Scope.ACCOUNTS.
 */
public final class AccountRoutes {

    /** Largest request body: a sign-in, a user or a key request is far below it. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Guard guard;
    private final SessionHandlers sessions;
    private final UserHandlers users;
    private final KeyHandlers keys;

    /** Routes over {@code accounts}, guarded by {@code guard}, setting cookies as {@code settings} say. */
    public AccountRoutes(Accounts accounts, Guard guard, AccountsSettings settings) {
        Objects.requireNonNull(accounts, "accounts");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.sessions = new SessionHandlers(accounts.sessions(), new SessionCookie(settings.secureCookie()));
        this.users = new UserHandlers(accounts);
        this.keys = new KeyHandlers(accounts.keys());
    }

    /** Mounts the routes on {@code router}, each with its own body limit. */
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        // Vert.x 5 refuses a BodyHandler after a plain handler, so bodies (bounded) are read before the guard.
        Handler<RoutingContext> accountsScope = guard.require(Scope.ACCOUNTS);
        List<Route> routes = List.of(
                router.post("/v1/session").handler(body).handler(sessions::signIn),
                router.get("/v1/session").handler(sessions::current),
                router.delete("/v1/session").handler(sessions::signOut),
                router.get("/v1/users").handler(accountsScope).handler(users::list),
                router.post("/v1/users").handler(body).handler(accountsScope).handler(users::create),
                router.patch("/v1/users/:name").handler(body).handler(accountsScope).handler(users::change),
                router.get("/v1/api-keys").handler(accountsScope).handler(keys::list),
                router.post("/v1/api-keys").handler(body).handler(accountsScope).handler(keys::create),
                router.delete("/v1/api-keys/:id").handler(accountsScope).handler(keys::revoke));
        routes.forEach(route -> route.failureHandler(AccountRoutes::failed));
    }

    private static void failed(RoutingContext context) {
        if (context.statusCode() == 413) {
            ApiErrors.field(context, 413, "body", "is larger than " + MAX_BODY_BYTES + " bytes");
        } else if (context.failure() != null) {
            Replies.failure(context, context.failure());
        } else {
            int status = context.statusCode();
            ApiErrors.send(context, status, status < 500 ? "invalid" : "internal", "the request could not be read");
        }
    }
}
