package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.LiveFeed;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /v1/live?store=&kind=} (Scope.READ): the live feed ({@link LiveFeed#ADDRESS}) as server-sent events,
 * one {@code data:} line of JSON per item, filtered by store and kind; a store-scoped caller gets only its stores.
 * A heartbeat comment keeps proxies from closing an idle stream. An item that finds a client's write queue full is
 * dropped and counted ({@code wm_live_dropped_total}), so a slow client cannot grow memory without bound.
 */
public final class LiveRoutes {

    /** The kinds of live items. */
    static final Set<String> KINDS = Set.of("event", "decision", "action");

    private final Vertx vertx;
    private final Guard guard;
    private final InsightSettings settings;
    private final Counter dropped;
    private final AtomicInteger clients = new AtomicInteger();

    /** Routes streaming {@code vertx}'s local live feed; counts drops in {@code registry}. */
    public LiveRoutes(Vertx vertx, Guard guard, MeterRegistry registry, InsightSettings settings) {
        this.vertx = vertx;
        this.guard = guard;
        this.settings = settings;
        this.dropped = Counter.builder("wm.live.dropped")
                .description("Live items dropped because a client's write queue was full").register(registry);
        registry.gauge("wm.live.clients", clients);
    }

    /** Mounts {@code GET /v1/live}. */
    public void mount(Router router) {
        router.get("/v1/live").handler(guard.require(Scope.READ)).handler(this::stream);
    }

    private void stream(RoutingContext context) {
        Caller caller = Guard.caller(context);
        LiveFilter filter;
        try {
            QueryParams params = new QueryParams(context.queryParams());
            Optional<String> store = params.store(caller);
            Optional<String> kind = params.single("kind");
            if (kind.isPresent() && !KINDS.contains(kind.get())) {
                throw Refusal.badField("kind", "must be one of event, decision, action");
            }
            filter = new LiveFilter(store, kind, caller);
        } catch (Refusal refusal) {
            refusal.send(context);
            return;
        }
        if (clients.incrementAndGet() > settings.liveMaxClients()) {
            clients.decrementAndGet();
            ApiErrors.send(context, 503, "busy", "too many live streams; try again later");
            return;
        }
        new LiveStream(vertx, context.response(), filter, settings, dropped, clients::decrementAndGet).start();
    }
}
