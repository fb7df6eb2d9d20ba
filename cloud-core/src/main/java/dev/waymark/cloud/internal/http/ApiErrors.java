package dev.waymark.cloud.internal.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one error shape of the cloud API: {@code {"error": "<code>", "message": "<what is wrong>"}} with an optional
 * {@code field} naming the offending input. Messages never carry personal data.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** Ends the request with {@code status} and the error body. */
    public static void send(RoutingContext context, int status, String code, String message) {
        send(context, status, new JsonObject().put("error", code).put("message", message));
    }

    /** Ends the request with {@code status} and an {@code invalid} error naming {@code field}. */
    public static void field(RoutingContext context, int status, String field, String message) {
        field(context, status, "invalid", field, message);
    }

    /** Ends the request with {@code status}, error {@code code} and a message about {@code field}. */
    public static void field(RoutingContext context, int status, String code, String field, String message) {
        send(context, status, new JsonObject().put("error", code).put("field", field)
                .put("message", field + ": " + message));
    }

    private static void send(RoutingContext context, int status, JsonObject body) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(body.encode());
    }
}
