package dev.waymark.console.internal;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The console's own refusals, in the API's one shape {@code {"error","message","field"?}} (docs/api.md). */
final class ConsoleErrors {

    private ConsoleErrors() {
    }

    static void send(RoutingContext context, int status, String field, String message) {
        String error = status == 404 ? "not_found" : status == 502 ? "unavailable" : "invalid";
        JsonObject body = new JsonObject().put("error", error).put("message", field + ": " + message);
        if (field != null) {
            body.put("field", field);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body.encode());
    }
}
