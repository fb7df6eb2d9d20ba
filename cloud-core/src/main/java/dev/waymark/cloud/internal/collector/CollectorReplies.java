package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Rejection;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The collector's answers, in Segment's shape ({@code {"success": true}}; {@code {"success": false, "message"}})
 * with the cloud API's {@code error} code and {@code field} added to refusals. Messages never carry what was sent.
 */
final class CollectorReplies {

    /** The protocol's name of the whole document. */
    private static final String WHOLE_BODY = "$";

    private CollectorReplies() {
    }

    /** 200 {@code {"success": true}}. */
    static void ok(RoutingContext context) {
        send(context, 200, new JsonObject().put("success", true));
    }

    /**
     * {@code status} with a refusal naming the rejection's field; the protocol's {@code $} for the whole body is
     * {@code body} here, as in every other error of the cloud API.
     */
    static void refuse(RoutingContext context, int status, String error, Rejection rejection) {
        String field = rejection.field().equals(WHOLE_BODY) ? "body" : rejection.field();
        send(context, status, new JsonObject().put("success", false).put("error", error)
                .put("field", field).put("message", field + ": " + rejection.reason()));
    }

    /** {@code status} with a refusal that concerns no field. */
    static void refuse(RoutingContext context, int status, String error, String message) {
        send(context, status, new JsonObject().put("success", false).put("error", error).put("message", message));
    }

    private static void send(RoutingContext context, int status, JsonObject body) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
