package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /v1/stores} and {@code GET /v1/stores/{store}/devices} (Scope.READ): the store and device overview;
 * a store-scoped caller sees only its stores (403 for another).
 */
public final class OverviewRoutes {

    private static final Logger LOG = Logger.getLogger(OverviewRoutes.class.getName());

    private final Store store;
    private final Guard guard;
    private final StoreOverview overview;
    private final Clock clock;

    /** Routes over {@code store}'s overview tables; hubs go stale after {@code overview.staleAfter}. */
    public OverviewRoutes(Store store, Guard guard, InsightSettings settings, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.overview = new StoreOverview(settings.staleAfter());
        this.clock = clock;
    }

    /** Mounts the two routes. */
    public void mount(Router router) {
        router.get("/v1/stores").handler(guard.require(Scope.READ)).handler(this::stores);
        router.get("/v1/stores/:store/devices").handler(guard.require(Scope.READ)).handler(this::devices);
    }

    private void stores(RoutingContext context) {
        Caller caller = Guard.caller(context);
        reply(context, store.read(c -> Optional.of(new JsonObject()
                .put("stores", overview.stores(c, caller, clock.instant())))), "");
    }

    private void devices(RoutingContext context) {
        String storeId = context.pathParam("store");
        try {
            QueryParams.checkStoreId("store", storeId);
            if (!Guard.caller(context).mayAccessStore(storeId)) {
                throw Refusal.forbiddenStore(storeId);
            }
        } catch (Refusal refusal) {
            refusal.send(context);
            return;
        }
        reply(context, store.read(c -> overview.devices(c, storeId, clock.instant())
                .map(devices -> new JsonObject().put("store", storeId).put("devices", devices))),
                "no hub or device of store " + storeId + " has reported yet");
    }

    private static void reply(RoutingContext context, Future<Optional<JsonObject>> body, String notFound) {
        body.onComplete(result -> {
            if (result.failed()) {
                LOG.log(Level.WARNING, "store overview failed: " + result.cause());
                ApiErrors.send(context, 500, "internal", "the store overview could not be read");
            } else if (result.result().isEmpty()) {
                ApiErrors.send(context, 404, "not_found", notFound);
            } else {
                context.response().putHeader("content-type", "application/json")
                        .end(result.result().get().encode());
            }
        });
    }
}
