package dev.waymark.cloud.internal.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates requests and checks their scope. {@link #require} answers 401 (with a JSON error) when the request
 * carries no valid credentials and 403 when the caller lacks the scope; otherwise it puts the {@link Caller} in
 * the context under {@link Caller#CONTEXT_KEY} and calls the next handler. Credentials: a secret API key as
 * {@code Authorization: Bearer <key>}, or a signed-in console session cookie.
 */
public interface Guard {

    /** A handler that lets through only callers holding {@code scope}. */
    Handler<RoutingContext> require(Scope scope);

    /** The authenticated caller of a request that passed {@link #require}. */
    static Caller caller(RoutingContext context) {
        Caller caller = context.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new IllegalStateException("no caller: the route is not guarded");
        }
        return caller;
    }
}
