package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.decision.outbox.DeadLetters;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CRM's admin routes (scope {@code admin}): {@code GET /v1/crm/status} (each connector's pending, retrying,
 * delivered and dead messages and its lag), {@code GET /v1/crm/dead-letters}, and replaying dead letters, one
 * ({@code POST /v1/crm/dead-letters/{id}/replay}) or all ({@code POST /v1/crm/dead-letters/replay}).
 */
final class CrmRoutes {

    private static final Logger LOG = Logger.getLogger(CrmRoutes.class.getName());
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Store store;
    private final Guard guard;
    private final DeadLetters letters;
    private final List<String> kinds;
    private final boolean inbound;
    private final Clock clock;

    CrmRoutes(Store store, Guard guard, DeadLetters letters, List<String> kinds, boolean inbound, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.letters = letters;
        this.kinds = List.copyOf(kinds);
        this.inbound = inbound;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/v1/crm/status").handler(guard.require(Scope.ADMIN)).handler(this::status);
        router.get("/v1/crm/dead-letters").handler(guard.require(Scope.ADMIN)).handler(this::list);
        router.post("/v1/crm/dead-letters/replay").handler(guard.require(Scope.ADMIN)).handler(this::replayAll);
        router.post("/v1/crm/dead-letters/:id/replay").handler(guard.require(Scope.ADMIN)).handler(this::replay);
    }

    private void status(RoutingContext context) {
        reply(context, store.read(c -> letters.states(c, clock.instant())).map(states -> {
            JsonArray connectors = new JsonArray();
            for (String kind : kinds) {
                DeadLetters.KindState state = Optional.ofNullable(states.get(kind))
                        .orElse(new DeadLetters.KindState(kind, 0, 0, 0, 0, 0));
                connectors.add(new JsonObject().put("kind", kind).put("pending", state.pending())
                        .put("retrying", state.retrying()).put("delivered", state.delivered())
                        .put("dead", state.dead()).put("lagMillis", state.lagMillis()));
            }
            return new JsonObject().put("connectors", connectors).put("inbound", inbound);
        }));
    }

    private void list(RoutingContext context) {
        String given = context.request().getParam("limit");
        int limit;
        try {
            limit = given == null ? DEFAULT_LIMIT : Integer.parseInt(given);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            ApiErrors.field(context, 400, "limit", "must be 1 to " + MAX_LIMIT);
            return;
        }
        int max = limit;
        reply(context, store.read(c -> letters.list(c, max)).map(found -> {
            JsonArray items = new JsonArray();
            found.forEach(letter -> items.add(new JsonObject().put("id", letter.id()).put("kind", letter.kind())
                    .put("idempotencyKey", letter.idempotencyKey()).put("attempts", letter.attempts())
                    .put("lastError", letter.lastError()).put("createdAt", letter.createdAt().toString())
                    .put("message", new JsonObject(letter.payload()))));
            return new JsonObject().put("deadLetters", items);
        }));
    }

    private void replay(RoutingContext context) {
        String id = context.pathParam("id");
        store.write(c -> letters.replay(c, id, clock.instant())).onComplete(done -> {
            if (done.failed()) {
                failed(context, done.cause());
            } else if (!done.result()) {
                ApiErrors.field(context, 404, "not_found", "id", "no CRM dead letter " + id);
            } else {
                context.response().putHeader("content-type", "application/json")
                        .end(new JsonObject().put("replayed", 1).encode());
            }
        });
    }

    private void replayAll(RoutingContext context) {
        reply(context, store.write(c -> letters.replayAll(c, clock.instant()))
                .map(count -> new JsonObject().put("replayed", count)));
    }

    private static void reply(RoutingContext context, Future<JsonObject> body) {
        body.onComplete(done -> {
            if (done.failed()) {
                failed(context, done.cause());
            } else {
                context.response().putHeader("content-type", "application/json").end(done.result().encode());
            }
        });
    }

    private static void failed(RoutingContext context, Throwable cause) {
        LOG.log(Level.WARNING, "CRM admin request failed: " + cause.getClass().getSimpleName());
        ApiErrors.send(context, 500, "internal", "the CRM state could not be read or changed");
    }
}
