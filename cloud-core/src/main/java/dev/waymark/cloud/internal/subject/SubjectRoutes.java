package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.profile.ProfileAddress;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The data-subject routes (scope privacy, every store): {@code GET /v1/profiles/{namespace}/{id}/export} answers
 * everything held for the person; {@code DELETE /v1/profiles/{namespace}/{id}} erases it ({@code block=false}
 * lets the identifiers link again), then checkpoints SQLite's WAL; {@code GET /v1/erasures} lists the audit.
 */
final class SubjectRoutes {

    private static final Logger LOG = Logger.getLogger(SubjectRoutes.class.getName());
    private static final int DEFAULT_AUDIT_ROWS = 50;
    private static final int MAX_AUDIT_ROWS = 500;

    private final Store store;
    private final Guard guard;
    private final Namespaces namespaces;
    private final SubjectExport export;
    private final Erasure erasure;
    private final UlidGenerator ids;
    private final Clock clock;

    SubjectRoutes(Store store, Guard guard, Namespaces namespaces, SubjectExport export, Erasure erasure,
            UlidGenerator ids, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.namespaces = namespaces;
        this.export = export;
        this.erasure = erasure;
        this.ids = ids;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/v1/profiles/:namespace/:id/export").handler(guard.require(Scope.PRIVACY)).handler(this::export);
        router.delete("/v1/profiles/:namespace/:id").handler(guard.require(Scope.PRIVACY)).handler(this::erase);
        router.get("/v1/erasures").handler(guard.require(Scope.PRIVACY)).handler(this::audit);
    }

    private void audit(RoutingContext context) {
        String limit = context.queryParams().get("limit");
        int rows;
        try {
            rows = limit == null ? DEFAULT_AUDIT_ROWS : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            rows = 0;
        }
        if (rows < 1 || rows > MAX_AUDIT_ROWS) {
            ApiErrors.field(context, 400, "limit", "must be 1 to " + MAX_AUDIT_ROWS);
            return;
        }
        int most = rows;
        store.read(c -> ErasureLog.latest(c, most)).onComplete(done -> answer(context, null,
                done.succeeded() ? new JsonObject().put("erasures", done.result()) : null, done.cause(),
                "listed"));
    }

    private void export(RoutingContext context) {
        Optional<Identifier> identifier = address(context);
        if (identifier.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        store.read(c -> {
            Optional<MergeFamily> family = MergeFamily.of(c, identifier.get());
            return family.isEmpty() ? null : export.load(c, family.get(), now);
        }).onComplete(done -> answer(context, identifier.get(), done.result(), done.cause(), "exported"));
    }

    private void erase(RoutingContext context) {
        Optional<Identifier> identifier = address(context);
        if (identifier.isEmpty()) {
            return;
        }
        String block = context.queryParams().get("block");
        if (block != null && !block.equals("true") && !block.equals("false")) {
            ApiErrors.field(context, 400, "block", "must be true or false");
            return;
        }
        Caller caller = Guard.caller(context);
        String erasureId = ids.next().value();
        Instant now = clock.instant();
        store.write(c -> {
            Optional<MergeFamily> family = MergeFamily.of(c, identifier.get());
            return family.isEmpty() ? null
                    : erasure.erase(c, family.get(), erasureId, caller.id(), !"false".equals(block), now);
        }).compose(report -> report == null ? Future.<JsonObject>succeededFuture() : WalCheckpoint.run(store)
                .map(result -> {
                    LOG.info(() -> "erasure " + erasureId + " by " + caller.id() + ": " + report.profiles()
                            + " profiles, WAL checkpoint " + result);
                    return report.toJson().put("walCheckpoint", result.name().toLowerCase(Locale.ROOT));
                })).onComplete(done -> answer(context, identifier.get(), done.result(), done.cause(), "erased"));
    }

    private Optional<Identifier> address(RoutingContext context) {
        if (!Guard.caller(context).allStores()) {
            ApiErrors.send(context, 403, "forbidden", "a person's data spans every store: this needs a caller "
                    + "that may see every store");
            return Optional.empty();
        }
        return ProfileAddress.of(context, namespaces);
    }

    private static void answer(RoutingContext context, Identifier identifier, JsonObject body, Throwable failure,
            String what) {
        if (failure != null) {
            LOG.warning(() -> "data-subject request failed (" + what + "): " + failure.getMessage());
            ApiErrors.send(context, 500, "internal", "the request could not be " + what);
        } else if (body == null) {
            ProfileAddress.notFound(context, identifier);
        } else {
            context.response().putHeader("content-type", "application/json").end(body.encode());
        }
    }
}
