package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.decision.catalog.ActionJson;
import dev.waymark.cloud.internal.decision.catalog.CatalogRejected;
import dev.waymark.cloud.internal.decision.catalog.InvalidField;
import dev.waymark.cloud.internal.http.ApiErrors;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.NoSuchElementException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** How the decision and catalog routes read bodies and answer: JSON, and one mapping from failures to statuses. */
public final class Replies {

    private static final Logger LOG = Logger.getLogger(Replies.class.getName());

    private Replies() {
    }

    /** Ends the request with {@code status} and {@code body}. */
    public static void json(RoutingContext context, int status, Object body) {
        if (!context.response().ended()) {
            context.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(body instanceof JsonObject json ? json.encode() : String.valueOf(body));
        }
    }

    /** The request body as JSON (object or array); throws {@link InvalidField} on {@code body} when it is not. */
    public static Object body(RoutingContext context) {
        String text = context.body().asString();
        if (text == null || text.isBlank()) {
            throw new InvalidField("body", "is empty; expected JSON");
        }
        try {
            return Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new InvalidField("body", "is not valid JSON");
        }
    }

    /** The request body as a JSON object. */
    public static JsonObject object(RoutingContext context) {
        Object body = body(context);
        if (body instanceof JsonObject json) {
            return json;
        }
        throw new InvalidField("body", "expected a JSON object");
    }

    /** Answers a failure: 400 naming the field, 422 for a rejected catalog, 404, else 500 (logged). */
    public static void fail(RoutingContext context, Throwable failure) {
        if (failure instanceof InvalidField invalid) {
            ApiErrors.field(context, 400, invalid.field(), invalid.getMessage());
        } else if (failure instanceof CatalogRejected rejected) {
            json(context, 422, rejected.errors().put("error", "rejected")
                    .put("message", "the catalog does not compile or load"));
        } else if (failure instanceof NoSuchElementException missing) {
            String message = String.valueOf(missing.getMessage());
            int colon = message.indexOf(':');
            if (colon > 0) {
                ApiErrors.field(context, 404, "not_found", message.substring(0, colon),
                        message.substring(colon + 1).trim());
            } else {
                ApiErrors.send(context, 404, "not_found", message);
            }
        } else if (failure instanceof IllegalArgumentException bad) {
            // The engine's validation messages start with the field's name ("context.x: unsupported type ...").
            InvalidField field = ActionJson.fromEngineMessage(bad);
            ApiErrors.field(context, 400, field.field().isEmpty() ? "body" : field.field(), field.getMessage());
        } else {
            LOG.log(Level.WARNING, "decision API failure", failure);
            ApiErrors.send(context, 500, "internal", "internal error");
        }
    }
}
