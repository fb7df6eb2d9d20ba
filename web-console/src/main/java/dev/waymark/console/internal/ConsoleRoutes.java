package dev.waymark.console.internal;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.proxy.handler.ProxyHandler;

/** The console's routes: security headers on all, the two API proxies, the QR image, WebJars and the pages. */
public final class ConsoleRoutes {

    /** Where WebJars are served; versioned paths, so the only answers that may be cached. */
    static final String WEBJARS = "/webjars/";

    private ConsoleRoutes() {
    }

    /** The router of a console whose API calls go to {@code upstream}. */
    public static Router router(Vertx vertx, Upstream upstream) {
        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeaders());
        router.route("/v1/*").handler(ProxyHandler.create(upstream.cloudProxy()));
        upstream.provisioningProxy().ifPresentOrElse(
                proxy -> router.route("/provisioning/v1/*").handler(ProxyHandler.create(proxy)),
                () -> router.route("/provisioning/v1/*").handler(context -> ConsoleErrors.send(context, 404,
                        "provisioning", "this console was started without the cloud's enrollment service")));
        router.post("/console/qr").handler(BodyHandler.create(false).setBodyLimit(QrRoute.BODY_LIMIT))
                .handler(QrRoute::handle);
        router.get(WEBJARS + "*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
        router.get("/*").handler(StaticHandler.create("dev/waymark/console/web").setCachingEnabled(false)
                .setIndexPage("index.html"));
        router.route().last().handler(context -> ConsoleErrors.send(context, 404, "path", "no such page"));
        router.errorHandler(413, context -> ConsoleErrors.send(context, 413, "body",
                "must be at most " + QrRoute.BODY_LIMIT + " bytes"));
        return router;
    }
}
