package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A stand-in for the accounts part's guard: header {@code X-Test-Caller: id;scope,scope;store,store|*}. */
public final class TestGuard implements Guard {

    public static final String HEADER = "X-Test-Caller";

    @Override
    public Handler<RoutingContext> require(Scope scope) {
        return ctx -> {
            String header = ctx.request().getHeader(HEADER);
            if (header == null) {
                ApiErrors.send(ctx, 401, "unauthenticated", "no credentials");
                return;
            }
            String[] parts = header.split(";", -1);
            Set<Scope> scopes = Arrays.stream(parts[1].split(",")).filter(s -> !s.isBlank())
                    .map(s -> Scope.valueOf(s.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
            Set<String> stores = Arrays.stream(parts[2].split(",")).collect(Collectors.toSet());
            if (!scopes.contains(scope)) {
                ApiErrors.send(ctx, 403, "forbidden", "missing scope " + scope.wireName());
                return;
            }
            ctx.put(Caller.CONTEXT_KEY, new Caller(parts[0], scopes, stores));
            ctx.next();
        };
    }
}
