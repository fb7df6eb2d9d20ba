package dev.waymark.cloud.internal.profile;

import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A test {@link Guard}: the header {@value #HEADER} lists the caller's scopes ({@code read,consent}). */
public final class HeaderGuard implements Guard {

    public static final String HEADER = "x-test-scopes";

    @Override
    public Handler<RoutingContext> require(Scope scope) {
        return context -> {
            String header = context.request().getHeader(HEADER);
            if (header == null) {
                ApiErrors.send(context, 401, "unauthenticated", "no credentials");
                return;
            }
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String name : header.split(",")) {
                if (!name.isBlank()) {
                    scopes.add(Scope.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                }
            }
            if (!scopes.contains(scope)) {
                ApiErrors.send(context, 403, "forbidden", "needs scope " + scope.wireName());
                return;
            }
            context.put(Caller.CONTEXT_KEY, new Caller("test", scopes, Caller.ALL_STORES));
            context.next();
        };
    }
}
