package dev.waymark.cloud.internal.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validates a request's parameters and JSON body against its operation, from the body a BodyHandler already read
 * ({@code RoutingContext.body()}), and answers 400 naming the field when they do not match. Operations marked
 * {@code x-waymark-body-validation: handler} (the Segment collector, which keeps Segment's refusals and their
 * order) pass on unchecked.
 */
final class RequestCheck implements Handler<RoutingContext> {

    /** The extension by which an operation leaves its body's checks to its own handler. */
    static final String VALIDATION_KEY = "x-waymark-body-validation";
    private static final Logger LOG = Logger.getLogger(RequestCheck.class.getName());

    private final RequestValidator validator;

    RequestCheck(RequestValidator validator) {
        this.validator = validator;
    }

    @Override
    public void handle(RoutingContext context) {
        Operation operation = context.get(ApiContract.OPERATION_KEY);
        if (operation == null || "handler".equals(operation.getOpenAPIModel().getString(VALIDATION_KEY))) {
            context.next();
            return;
        }
        Buffer body = context.body().buffer();
        // The validator runs the schemas on a worker (executeBlocking), so a large body never holds the event loop.
        RequestUtils.extract(context.request(), operation,
                        () -> Future.succeededFuture(body == null ? Buffer.buffer() : body))
                .compose(request -> validator.validate(request, operation.getOperationId()))
                .onComplete(validated -> {
                    if (validated.succeeded()) {
                        context.next();
                    } else {
                        refuse(context, operation, RequestRefusal.of(validated.cause()));
                    }
                });
    }

    private static void refuse(RoutingContext context, Operation operation, RequestRefusal refusal) {
        // The operation and the field only: a message of the validator may quote what was sent.
        LOG.log(Level.FINE, () -> "refused " + operation.getOperationId() + ": " + refusal.field());
        ApiErrors.field(context, 400, refusal.field(), refusal.message());
    }
}
