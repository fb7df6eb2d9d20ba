package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.cloud.internal.decision.Replies;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.protocol.ContractCodec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The admin API of the action catalog, intent patterns and policies ({@link Scope#ADMIN}). Every accepted change
 * is a new version whose signed bundle goes to every store; invalid input gets 400 naming the field, a catalog
 * that does not compile 422 with every error.
 */
public final class CatalogRoutes {

    /** Largest request body: a full catalog of {@link CatalogCheck#MAX_ACTIONS} actions fits. */
    public static final long BODY_LIMIT = 2L * 1024 * 1024;
    private static final ContractCodec CODEC = ContractCodec.create();

    private final CatalogStore catalogs;
    private final Guard guard;

    /** Routes over {@code catalogs}, guarded by {@code guard}. */
    public CatalogRoutes(CatalogStore catalogs, Guard guard) {
        this.catalogs = catalogs;
        this.guard = guard;
    }

    /** Mounts the routes on {@code router}. */
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create().setBodyLimit(BODY_LIMIT);
        router.get("/v1/catalog/actions").handler(guard.require(Scope.ADMIN)).handler(this::actions);
        router.put("/v1/catalog/actions").handler(body).handler(guard.require(Scope.ADMIN)).handler(this::putActions);
        router.get("/v1/catalog/actions/:id").handler(guard.require(Scope.ADMIN)).handler(this::action);
        router.put("/v1/catalog/actions/:id").handler(body).handler(guard.require(Scope.ADMIN))
                .handler(this::putAction);
        router.delete("/v1/catalog/actions/:id").handler(guard.require(Scope.ADMIN)).handler(this::deleteAction);
        router.get("/v1/catalog/patterns").handler(guard.require(Scope.ADMIN)).handler(ctx -> Replies.json(ctx, 200,
                new JsonObject(catalogs.current().draft().patterns().toJson())));
        router.put("/v1/catalog/patterns").handler(body).handler(guard.require(Scope.ADMIN))
                .handler(this::putPatterns);
        router.get("/v1/catalog/policies").handler(guard.require(Scope.ADMIN)).handler(ctx -> Replies.json(ctx, 200,
                PolicyJson.write(catalogs.current().draft().policies())));
        router.put("/v1/catalog/policies").handler(body).handler(guard.require(Scope.ADMIN))
                .handler(this::putPolicies);
        router.post("/v1/catalog/validate").handler(body).handler(guard.require(Scope.ADMIN)).handler(this::validate);
        router.get("/v1/bundles/current").handler(guard.require(Scope.ADMIN)).handler(ctx -> Replies.json(ctx, 200,
                new JsonObject(new String(CODEC.encode(catalogs.current().bundle()), StandardCharsets.UTF_8))));
    }

    private void actions(RoutingContext ctx) {
        CatalogVersion current = catalogs.current();
        JsonArray actions = new JsonArray();
        current.draft().actions().forEach(entry -> actions.add(ActionJson.write(entry)));
        Replies.json(ctx, 200, new JsonObject().put("version", current.version()).put("actions", actions));
    }

    private void action(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        catalogs.current().entry(id).ifPresentOrElse(entry -> Replies.json(ctx, 200, ActionJson.write(entry)),
                () -> Replies.fail(ctx, new NoSuchElementException("id: no action '" + id + "' in the catalog")));
    }

    private void putActions(RoutingContext ctx) {
        change(ctx, () -> {
            Object body = Replies.body(ctx);
            Object list = body instanceof JsonObject json ? json.getValue("actions") : body;
            List<CatalogEntry> actions = CatalogCheck.actions("actions", list);
            return latest -> CatalogCheck.require(actions, latest.patterns().toJson(), latest.policies());
        });
    }

    private void putAction(RoutingContext ctx) {
        change(ctx, () -> {
            String id = ctx.pathParam("id");
            JsonObject json = Replies.object(ctx);
            json.put("id", json.getValue("id") == null ? id : json.getValue("id"));
            CatalogEntry entry;
            try {
                entry = ActionJson.read("action", json);
            } catch (InvalidField invalid) {
                // The body is the action itself: name its fields from the body's root, as the contract does.
                throw invalid.relativeTo("action");
            }
            if (!entry.id().equals(id)) {
                throw new InvalidField("id", "differs from the id in the path");
            }
            return latest -> {
                List<CatalogEntry> actions = new ArrayList<>(latest.actions());
                int at = indexOf(actions, id);
                if (at >= 0) {
                    actions.set(at, entry);
                } else {
                    actions.add(entry);
                }
                return CatalogCheck.require(actions, latest.patterns().toJson(), latest.policies());
            };
        });
    }

    private void deleteAction(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        change(ctx, () -> latest -> {
            List<CatalogEntry> actions = new ArrayList<>(latest.actions());
            int at = indexOf(actions, id);
            if (at < 0) {
                throw new NoSuchElementException("id: no action '" + id + "' in the catalog");
            }
            actions.remove(at);
            return CatalogCheck.require(actions, latest.patterns().toJson(), latest.policies());
        });
    }

    private void putPatterns(RoutingContext ctx) {
        change(ctx, () -> {
            String patterns = Replies.object(ctx).encode();
            return latest -> CatalogCheck.require(latest.actions(), patterns, latest.policies());
        });
    }

    private void putPolicies(RoutingContext ctx) {
        change(ctx, () -> {
            DecisionPolicies policies = PolicyJson.read(Replies.object(ctx));
            return latest -> CatalogCheck.require(latest.actions(), latest.patterns().toJson(), policies);
        });
    }

    private void validate(RoutingContext ctx) {
        JsonObject body;
        try {
            body = Replies.object(ctx);
        } catch (RuntimeException e) {
            Replies.fail(ctx, e);
            return;
        }
        CatalogDraft latest = catalogs.current().draft();
        // Compiling a large catalog's CEL rules takes long enough to matter on an event loop.
        ctx.vertx().executeBlocking(() -> CatalogCheck.proposal(body, latest, ""), false)
                .onSuccess(draft -> Replies.json(ctx, 200, new JsonObject().put("valid", true)
                        .put("actions", draft.actions().size())))
                .onFailure(e -> Replies.fail(ctx, e));
    }

    /** Reads the request (on the event loop: parsing only), then edits the latest version in the writer. */
    private void change(RoutingContext ctx, EditReader reader) {
        CatalogStore.Edit edit;
        try {
            edit = reader.read();
        } catch (RuntimeException e) {
            Replies.fail(ctx, e);
            return;
        }
        String by = Guard.caller(ctx).id();
        Future<CatalogStore.Saved> saved = catalogs.change(edit, by);
        saved.onSuccess(s -> Replies.json(ctx, 200, new JsonObject().put("version", s.version().version())
                        .put("publishedTo", s.publishedTo())))
                .onFailure(e -> Replies.fail(ctx, e));
    }

    private interface EditReader {
        CatalogStore.Edit read();
    }

    private static int indexOf(List<CatalogEntry> actions, String id) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
