package dev.waymark.cloud.internal.consent;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.http.ApiErrors;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.http.Scope;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import dev.waymark.cloud.internal.profile.ProfileAddress;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code GET /v1/profiles/{namespace}/{id}/consents} (scope consent): effective consent per purpose and channel and
 * the ledger's history. {@code POST} to the same path (scope consent) appends a statement
 * ({@link ConsentRequest}) and answers 201 with the record and the new effective consent.
 */
public final class ConsentRoutes {

    /** Largest request body accepted. */
    public static final long MAX_BODY_BYTES = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(ConsentRoutes.class.getName());
    private static final String PATH = "/v1/profiles/:namespace/:id/consents";

    private final Store store;
    private final Guard guard;
    private final Namespaces namespaces;
    private final ConsentLedgerBook book;
    private final Clock clock;
    private final ConsentChanged changed;

    /** Told, in the recording transaction, when a recorded statement changed the profile's effective consent. */
    @FunctionalInterface
    public interface ConsentChanged {
        void changed(Connection c, String profileId, String recordId, Instant at, JsonObject effective)
                throws SQLException;
    }

    /** Routes over {@code store} and {@code book}, guarded by {@code guard}; statements are dated by {@code clock}. */
    public ConsentRoutes(Store store, Guard guard, Namespaces namespaces, ConsentLedgerBook book, Clock clock) {
        this(store, guard, namespaces, book, clock, (c, profileId, recordId, at, effective) -> { });
    }

    /** Routes that tell {@code changed} of every change of a profile's effective consent (the CRM). */
    public ConsentRoutes(Store store, Guard guard, Namespaces namespaces, ConsentLedgerBook book, Clock clock,
            ConsentChanged changed) {
        this.store = Objects.requireNonNull(store, "store");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.book = Objects.requireNonNull(book, "book");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /** Mounts both routes on {@code router}, each with its own body limit and JSON errors. */
    public void mount(Router router) {
        router.get(PATH).handler(guard.require(Scope.CONSENT)).handler(this::get);
        // The body is read before the guard so a guard that answers later (a key lookup) cannot lose it.
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(guard.require(Scope.CONSENT)).handler(this::post)
                .failureHandler(this::failed);
    }

    private void get(RoutingContext context) {
        Optional<Identifier> identifier = ProfileAddress.of(context, namespaces);
        if (identifier.isPresent()) {
            answer(context, identifier.get(), 200, store.read(c -> {
                Optional<String> profileId = ProfileDirectory.find(c, identifier.get());
                return profileId.isEmpty() ? null : ConsentJson.of(book, c, profileId.get())
                        .put("profileId", profileId.get());
            }));
        }
    }

    private void post(RoutingContext context) {
        Optional<Identifier> identifier = ProfileAddress.of(context, namespaces);
        if (identifier.isEmpty()) {
            return;
        }
        JsonObject body;
        try {
            body = context.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.field(context, 400, "body", "must be a JSON object");
            return;
        }
        ConsentRequest.Result parsed = ConsentRequest.parse(body == null ? new JsonObject() : body);
        if (parsed.problem().isPresent()) {
            ApiErrors.field(context, 400, parsed.problem().get().field(), parsed.problem().get().message());
            return;
        }
        ConsentRequest request = parsed.request().orElseThrow();
        answer(context, identifier.get(), 201, store.write(c -> {
            Optional<String> profileId = ProfileDirectory.find(c, identifier.get());
            if (profileId.isEmpty()) {
                return null;
            }
            JsonObject before = ConsentJson.effective(book.effective(c, profileId.get()));
            Instant at = clock.instant();
            StoredConsent row = book.append(c, request.toRecord(profileId.get(), at));
            JsonObject after = ConsentJson.effective(book.effective(c, profileId.get()));
            if (!after.equals(before)) {
                changed.changed(c, profileId.get(), row.recordId(), at, after);
            }
            return new JsonObject().put("profileId", profileId.get()).put("record", ConsentJson.record(row))
                    .put("effective", after);
        }));
    }

    private static void answer(RoutingContext context, Identifier identifier, int status, Future<JsonObject> work) {
        work.onSuccess(json -> {
            if (json == null) {
                ProfileAddress.notFound(context, identifier);
            } else {
                context.response().setStatusCode(status).putHeader("content-type", "application/json")
                        .end(json.encode());
            }
        }).onFailure(failure -> {
            LOG.warning(() -> "consent request failed: " + failure.getMessage());
            ApiErrors.send(context, 500, "internal", "the consents could not be read or changed");
        });
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() == 413) {
            ApiErrors.field(context, 413, "body", "larger than " + MAX_BODY_BYTES + " bytes");
        } else if (context.statusCode() >= 400 && context.statusCode() < 500) {
            ApiErrors.send(context, context.statusCode(), "invalid", "the request could not be read");
        } else {
            LOG.warning(() -> "consent route failed: " + context.failure());
            ApiErrors.send(context, 500, "internal", "the request failed");
        }
    }
}
