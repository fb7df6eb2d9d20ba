package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.ApiErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Ends account requests: JSON bodies on success, {@code ApiErrors} for refusals, a logged 500 for bugs. */
final class Replies {

    private static final Logger LOG = Logger.getLogger(Replies.class.getName());

    private Replies() {
    }

    /** Runs {@code work}; a refusal thrown while preparing it becomes a failed future. */
    static <T> Future<T> attempt(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (AccountRefused e) {
            return Future.failedFuture(e);
        }
    }

    static void json(RoutingContext context, int status, JsonObject body) {
        String encoded = body.encode();
        context.response().setStatusCode(status).putHeader("content-type", "application/json")
                .putHeader("Cache-Control", "no-store").end(encoded);
    }

    static void noContent(RoutingContext context) {
        context.response().setStatusCode(204).end();
    }

    static void failure(RoutingContext context, Throwable failure) {
        if (failure instanceof AccountRefused refused) {
            if (refused.field().isPresent()) {
                ApiErrors.field(context, refused.status(), refused.field().get(), refused.getMessage());
            } else {
                ApiErrors.send(context, refused.status(), refused.code(), refused.getMessage());
            }
        } else {
            LOG.log(Level.WARNING, "accounts request failed: " + context.request().path(), failure);
            ApiErrors.send(context, 500, "internal", "internal error");
        }
    }
}
