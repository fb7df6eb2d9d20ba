package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.decision.catalog.InvalidField;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The decision API: inbound decisions and simulations ({@link Scope#DECIDE}), one decision with its explanation
 * and the decision search ({@link Scope#READ}; a store-scoped caller sees only its stores).
 */
public final class DecisionRoutes {

    /** Largest decision request body; a simulation may carry a proposed catalog. */
    public static final long BODY_LIMIT = 256 * 1024;
    private static final int DEFAULT_LIMIT = 50;

    private final DecisionService service;
    private final DecisionLog log;
    private final Store store;
    private final Guard guard;

    /** Routes over the service and the decision log. */
    public DecisionRoutes(DecisionService service, DecisionLog log, Store store, Guard guard) {
        this.service = service;
        this.log = log;
        this.store = store;
        this.guard = guard;
    }

    /** Mounts the routes on {@code router}. */
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create().setBodyLimit(BODY_LIMIT);
        router.post("/v1/decisions").handler(body).handler(guard.require(Scope.DECIDE))
                .handler(ctx -> ask(ctx, false));
        // Guard offers one scope per route: simulations need DECIDE (give admin keys DECIDE too).
        router.post("/v1/decisions/simulate").handler(body).handler(guard.require(Scope.DECIDE))
                .handler(ctx -> ask(ctx, true));
        router.get("/v1/decisions/:id").handler(guard.require(Scope.READ)).handler(this::one);
        router.get("/v1/decisions").handler(guard.require(Scope.READ)).handler(this::search);
    }

    private void ask(RoutingContext ctx, boolean simulation) {
        DecisionAsk ask;
        try {
            ask = DecisionAsk.read(Replies.object(ctx), simulation);
        } catch (RuntimeException e) {
            Replies.fail(ctx, e);
            return;
        }
        Future<JsonObject> answer = simulation ? service.simulate(ask) : service.decide(ask);
        answer.onSuccess(json -> Replies.json(ctx, 200, json)).onFailure(e -> Replies.fail(ctx, e));
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Caller caller = Guard.caller(ctx);
        store.read(c -> log.find(c, id)).onSuccess(row -> {
            if (row.isEmpty()) {
                Replies.fail(ctx, new NoSuchElementException("id: no decision '" + id + "'"));
            } else if (!caller.mayAccessStore(row.get().storeId())) {
                ApiErrors.send(ctx, 403, "forbidden", "the decision belongs to a store you may not see");
            } else {
                Replies.json(ctx, 200, row.get().toJson());
            }
        }).onFailure(e -> Replies.fail(ctx, e));
    }

    private void search(RoutingContext ctx) {
        Caller caller = Guard.caller(ctx);
        DecisionFilter filter;
        try {
            Optional<String> storeParam = param(ctx, "store");
            if (storeParam.isPresent() && !caller.mayAccessStore(storeParam.get())) {
                ApiErrors.send(ctx, 403, "forbidden", "store: you may not see this store");
                return;
            }
            Set<String> stores = storeParam.map(Set::of).orElse(caller.allStores() ? Set.of() : caller.stores());
            filter = new DecisionFilter(param(ctx, "profile"), param(ctx, "device"), stores,
                    instant(ctx, "from", Instant.EPOCH), instant(ctx, "to", Instant.parse("9999-12-31T00:00:00Z")),
                    limit(ctx));
        } catch (RuntimeException e) {
            Replies.fail(ctx, e);
            return;
        }
        if (!caller.allStores() && filter.stores().isEmpty()) {
            Replies.json(ctx, 200, new JsonObject().put("decisions", new JsonArray()));
            return;
        }
        store.read(c -> log.search(c, filter)).onSuccess(rows -> {
            JsonArray out = new JsonArray();
            rows.forEach(row -> out.add(row.toJson()));
            Replies.json(ctx, 200, new JsonObject().put("decisions", out));
        }).onFailure(e -> Replies.fail(ctx, e));
    }

    private static Optional<String> param(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 200) {
            throw new InvalidField(name, "longer than 200 characters");
        }
        return Optional.of(value);
    }

    private static Instant instant(RoutingContext ctx, String name, Instant fallback) {
        Optional<String> value = param(ctx, name);
        try {
            return value.map(Instant::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw new InvalidField(name, "not an RFC 3339 instant such as 2026-05-01T00:00:00Z");
        }
    }

    private static int limit(RoutingContext ctx) {
        Optional<String> value = param(ctx, "limit");
        try {
            int limit = value.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
            if (limit < 1 || limit > DecisionFilter.MAX_LIMIT) {
                throw new InvalidField("limit", "must be 1 to " + DecisionFilter.MAX_LIMIT);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidField("limit", "not a whole number");
        }
    }
}
