package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.http.ApiErrors;
import io.vertx.ext.web.RoutingContext;

/** A request refused before any work: 400 naming the field, or 403 for a store the caller may not see. */
final class Refusal extends Exception {

    private final int status;
    private final String field;

    private Refusal(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static Refusal badField(String field, String message) {
        return new Refusal(400, field, message);
    }

    static Refusal forbiddenStore(String store) {
        return new Refusal(403, "store", "you may not see store " + store);
    }

    /** Ends the request with this refusal in the API's error shape. */
    void send(RoutingContext context) {
        if (status == 403) {
            ApiErrors.send(context, 403, "forbidden", getMessage());
        } else {
            ApiErrors.field(context, status, field, getMessage());
        }
    }
}
