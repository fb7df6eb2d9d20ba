package dev.waymark.cloud.internal.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A stand-in for the accounts part's Guard: the scopes are the {@value #HEADER} header, comma-separated. */
final class HeaderGuard implements Guard {

    static final String HEADER = "X-Test-Scopes";

    @Override
    public Handler<RoutingContext> require(Scope scope) {
        return context -> {
            String header = context.request().getHeader(HEADER);
            if (header == null) {
                ApiErrors.send(context, 401, "unauthorized", "no credentials");
                return;
            }
            Set<Scope> scopes = Arrays.stream(header.split(",")).map(String::trim)
                    .map(name -> Scope.valueOf(name.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
            if (!scopes.contains(scope)) {
                ApiErrors.send(context, 403, "forbidden", "needs scope " + scope.wireName());
                return;
            }
            context.put(Caller.CONTEXT_KEY, new Caller("test", scopes, Caller.ALL_STORES));
            context.next();
        };
    }
}
