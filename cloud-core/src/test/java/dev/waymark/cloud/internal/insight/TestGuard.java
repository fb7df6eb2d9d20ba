package dev.waymark.cloud.internal.insight;

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

/**
 * A stand-in for the accounts part's Guard: header {@code x-test-caller: id;scope,scope;store,store} ({@code *} for
 * every store); 401 without it, 403 without the scope.
 */
final class TestGuard implements Guard {

    static final String HEADER = "x-test-caller";

    @Override
    public Handler<RoutingContext> require(Scope scope) {
        return context -> {
            String header = context.request().getHeader(HEADER);
            if (header == null) {
                ApiErrors.send(context, 401, "unauthenticated", "credentials required");
                return;
            }
            String[] parts = header.split(";", -1);
            Set<Scope> scopes = Arrays.stream(parts[1].split(",")).filter(s -> !s.isEmpty())
                    .map(s -> Scope.valueOf(s.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
            Set<String> stores = Arrays.stream(parts[2].split(",")).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
            Caller caller = new Caller(parts[0], scopes, stores);
            if (!caller.may(scope)) {
                ApiErrors.send(context, 403, "forbidden", "scope " + scope.wireName() + " required");
                return;
            }
            context.put(Caller.CONTEXT_KEY, caller);
            context.next();
        };
    }

    static String admin() {
        return "admin;read;*";
    }

    static String manager(String... stores) {
        return "manager;read;" + String.join(",", stores);
    }
}
