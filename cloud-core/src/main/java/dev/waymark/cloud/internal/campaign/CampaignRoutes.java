package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.decision.Replies;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The campaign API ({@link Scope#ADMIN}): create, list, read with progress, pause, resume and cancel. A segment
 * that does not compile gets 422 {@code rejected} with the CEL compiler's message; a move the campaign's state
 * does not allow gets 409 {@code conflict}.
 */
final class CampaignRoutes {

    private static final long BODY_LIMIT = 64 * 1024;

    private final Store store;
    private final Guard guard;
    private final UlidGenerator ids;
    private final Clock clock;
    private final CampaignBook campaigns = new CampaignBook();

    CampaignRoutes(Store store, Guard guard, UlidGenerator ids, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.ids = ids;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post("/v1/campaigns").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT))
                .handler(guard.require(Scope.ADMIN)).handler(this::create);
        router.get("/v1/campaigns").handler(guard.require(Scope.ADMIN)).handler(this::list);
        router.get("/v1/campaigns/:id").handler(guard.require(Scope.ADMIN)).handler(this::one);
        router.post("/v1/campaigns/:id/pause").handler(guard.require(Scope.ADMIN))
                .handler(ctx -> move(ctx, CampaignState.PAUSED));
        router.post("/v1/campaigns/:id/resume").handler(guard.require(Scope.ADMIN))
                .handler(ctx -> move(ctx, CampaignState.RUNNING));
        router.post("/v1/campaigns/:id/cancel").handler(guard.require(Scope.ADMIN))
                .handler(ctx -> move(ctx, CampaignState.CANCELLED));
    }

    private void create(RoutingContext ctx) {
        JsonObject body;
        try {
            body = Replies.object(ctx);
        } catch (RuntimeException e) {
            fail(ctx, e);
            return;
        }
        String generated = "cmp-" + ids.next().value().toLowerCase(Locale.ROOT);
        // Compiling the segment's CEL takes long enough to matter on an event loop.
        ctx.vertx().executeBlocking(() -> CampaignPlan.read(body, generated), false)
                .compose(plan -> store.write(c -> {
                    Instant now = clock.instant();
                    campaigns.create(c, plan, now);
                    return campaigns.find(c, plan.id()).orElseThrow().toJson(now);
                }))
                .onSuccess(json -> {
                    ctx.response().putHeader("location", "/v1/campaigns/" + json.getString("id"));
                    Replies.json(ctx, 201, json);
                })
                .onFailure(failure -> fail(ctx, failure));
    }

    private void list(RoutingContext ctx) {
        reply(ctx, store.read(c -> {
            Instant now = clock.instant();
            JsonArray items = new JsonArray();
            campaigns.list(c).forEach(campaign -> items.add(campaign.toJson(now)));
            return new JsonObject().put("campaigns", items);
        }));
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        reply(ctx, store.read(c -> {
            Instant now = clock.instant();
            return campaigns.find(c, id)
                    .orElseThrow(() -> new NoSuchElementException("id: no campaign '" + id + "'")).toJson(now);
        }));
    }

    private void move(RoutingContext ctx, CampaignState target) {
        String id = ctx.pathParam("id");
        reply(ctx, store.write(c -> {
            Instant now = clock.instant();
            return campaigns.move(c, id, target, now).toJson(now);
        }));
    }

    private static void reply(RoutingContext ctx, Future<JsonObject> answer) {
        answer.onSuccess(json -> Replies.json(ctx, 200, json)).onFailure(failure -> fail(ctx, failure));
    }

    private static void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof CampaignPlan.SegmentRejected rejected) {
            Replies.json(ctx, 422, new JsonObject().put("error", "rejected").put("field", "segment")
                    .put("message", "segment: does not compile: " + rejected.getMessage())
                    .put("errors", new JsonArray().add(new JsonObject().put("field", "segment")
                            .put("message", rejected.getMessage()))));
        } else if (failure instanceof IllegalStateException conflict) {
            ApiErrors.send(ctx, 409, "conflict", conflict.getMessage());
        } else {
            Replies.fail(ctx, failure);
        }
    }
}
