package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /v1/kpis?store=&action=&from=&to=} (Scope.READ): the KPI report as JSON. The period defaults to the
 * {@code kpi.period} before {@code to} (default now); a store-scoped caller sees only its stores.
 */
public final class KpiRoutes {

    private static final Logger LOG = Logger.getLogger(KpiRoutes.class.getName());
    /** The longest period one request may cover, so a report stays a bounded read. */
    static final Duration MAX_PERIOD = Duration.ofDays(400);

    private final Store store;
    private final Guard guard;
    private final KpiReader reader;
    private final Duration defaultPeriod;
    private final Clock clock;

    /** Routes over {@code store}'s KPI facts. */
    public KpiRoutes(Store store, Guard guard, InsightSettings settings, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.reader = new KpiReader(settings.attributionWindow(), settings.minArmSize());
        this.defaultPeriod = settings.period();
        this.clock = clock;
    }

    /** Mounts {@code GET /v1/kpis}. */
    public void mount(Router router) {
        router.get("/v1/kpis").handler(guard.require(Scope.READ)).handler(this::report);
    }

    private void report(RoutingContext context) {
        KpiFilter filter;
        try {
            filter = filter(new QueryParams(context.queryParams()), Guard.caller(context));
        } catch (Refusal refusal) {
            refusal.send(context);
            return;
        }
        store.read(connection -> reader.read(connection, filter)).onComplete(result -> {
            if (result.succeeded()) {
                context.response().putHeader("content-type", "application/json").end(result.result().encode());
            } else {
                LOG.log(Level.WARNING, "KPI report failed: " + result.cause());
                ApiErrors.send(context, 500, "internal", "the KPI report could not be read");
            }
        });
    }

    private KpiFilter filter(QueryParams params, Caller caller) throws Refusal {
        Optional<String> storeId = params.store(caller);
        Optional<String> action = params.text("action");
        Instant to = params.instant("to").orElseGet(clock::instant);
        Optional<Instant> from = params.instant("from");
        Instant start = from.orElse(to.minus(defaultPeriod));
        if (!start.isBefore(to)) {
            throw Refusal.badField("from", "must be before to");
        }
        if (Duration.between(start, to).compareTo(MAX_PERIOD) > 0) {
            throw Refusal.badField("from", "the period may be at most " + MAX_PERIOD.toDays() + " days");
        }
        return new KpiFilter(storeId, action, start, to, caller.stores());
    }
}
