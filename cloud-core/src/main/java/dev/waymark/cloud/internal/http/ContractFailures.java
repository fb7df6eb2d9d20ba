package dev.waymark.cloud.internal.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The last failure handler of {@code /v1/} requests: failures no part answered, in the API's error shape. */
final class ContractFailures {

    private static final Logger LOG = Logger.getLogger(ContractFailures.class.getName());

    private ContractFailures() {
    }

    /** 413 naming {@code body} with the operation's limit; other 4xx as they are; anything else 500, logged. */
    static void handle(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        int status = context.statusCode();
        Operation operation = context.get(ApiContract.OPERATION_KEY);
        if (status == 413) {
            String limit = operation == null ? "" : " of " + BodyLimits.limit(operation) + " bytes";
            ApiErrors.field(context, 413, "body", "is larger than the limit" + limit);
        } else if (status >= 400 && status < 500) {
            ApiErrors.send(context, status, "invalid", "the request could not be read");
        } else {
            // The class only: a failure's message may quote the input.
            LOG.log(Level.WARNING, "unanswered failure in " + (operation == null ? "?" : operation.getOperationId())
                    + ": " + (context.failure() == null ? "status " + status : context.failure().getClass().getName()));
            ApiErrors.send(context, 500, "internal", "internal error");
        }
    }
}
