package dev.waymark.console.internal;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** The headers every console answer carries, proxied API answers included (set last, so nothing overrides them). */
final class SecurityHeaders implements Handler<RoutingContext> {

    /** Only the console's own scripts, styles, connections and images (blob: for the QR code it renders). */
    static final String POLICY = "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    public void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("Content-Security-Policy", POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            if (!context.request().path().startsWith(ConsoleRoutes.WEBJARS)) {
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }
}
