package dev.waymark.cloud.internal.boot;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** The API's router: every part mounts its routes; an unknown path gets the API's JSON 404. */
final class ApiRouter {

    private ApiRouter() {
    }

    static Router create(Vertx vertx, List<Consumer<Router>> parts) {
        Router router = Router.router(vertx);
        parts.forEach(part -> part.accept(router));
        router.route().last().handler(context -> context.response().setStatusCode(404)
                .putHeader("content-type", "application/json")
                .end("{\"error\":\"not_found\",\"message\":\"no such endpoint: " + context.request().method() + " "
                        + context.normalizedPath().replaceAll("[^A-Za-z0-9/_.-]", "?") + "\"}"));
        return router;
    }
}
