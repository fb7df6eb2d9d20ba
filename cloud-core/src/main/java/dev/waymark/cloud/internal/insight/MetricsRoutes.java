package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics}: every meter of the shared registry in the Prometheus text format. It requires Scope.READ
 * (a scraper sends an API key as {@code Authorization: Bearer <key>}) unless {@code metrics.open} is true, for a
 * scraper on a private network.
 */
public final class MetricsRoutes {

    /** The Prometheus text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Guard guard;
    private final boolean open;

    /** Routes scraping {@code registry}; {@code open} leaves {@code /metrics} without credentials. */
    public MetricsRoutes(PrometheusMeterRegistry registry, Guard guard, boolean open) {
        this.registry = registry;
        this.guard = guard;
        this.open = open;
    }

    /** Mounts {@code GET /metrics}. */
    public void mount(Router router) {
        Route route = router.get("/metrics");
        if (!open) {
            route.handler(guard.require(Scope.READ));
        }
        route.handler(this::scrape);
    }

    private void scrape(RoutingContext context) {
        // Formatting every meter is CPU work proportional to the meters; keep it off the event loop.
        context.vertx().executeBlocking(registry::scrape, false).onComplete(result -> {
            if (result.succeeded()) {
                context.response().putHeader("content-type", CONTENT_TYPE).end(result.result());
            } else {
                ApiErrors.send(context, 500, "internal", "metrics could not be formatted");
            }
        });
    }
}
