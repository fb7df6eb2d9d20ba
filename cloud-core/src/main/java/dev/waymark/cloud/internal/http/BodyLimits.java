package dev.waymark.cloud.internal.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads request bodies with the limit each operation declares in {@value #LIMIT_KEY} (bytes; default
 * {@value #DEFAULT_LIMIT}). One BodyHandler reads a request's body, chosen by its operation: Vert.x marks the
 * context once a BodyHandler ran, so the parts' own BodyHandlers later on the same request only call next(),
 * and their limits must therefore be in the contract. A body over the limit fails the request with 413.
 */
final class BodyLimits {

    /** The operation's extension holding its body limit in bytes. */
    static final String LIMIT_KEY = "x-waymark-body-limit";
    /** The limit of an operation with a request body that declares none. */
    static final long DEFAULT_LIMIT = 64 * 1024;

    private final Map<String, BodyHandler> readers = new HashMap<>();

    /** Readers for every operation of {@code contract} that takes a request body. */
    BodyLimits(OpenAPIContract contract) {
        for (Operation operation : contract.operations()) {
            if (operation.getRequestBody() != null) {
                // File uploads off: no operation takes multipart, and BodyHandler would otherwise create a folder.
                readers.put(operation.getOperationId(), BodyHandler.create(false).setBodyLimit(limit(operation)));
            }
        }
    }

    /** Reads the body of {@code operation}'s request, then calls next(); without a request body, just next(). */
    void read(RoutingContext context, Operation operation) {
        BodyHandler reader = readers.get(operation.getOperationId());
        if (reader == null) {
            context.next();
        } else {
            reader.handle(context);
        }
    }

    /** The body limit of {@code operation} in bytes. */
    static long limit(Operation operation) {
        JsonObject model = operation.getOpenAPIModel();
        Object limit = model == null ? null : model.getValue(LIMIT_KEY);
        return limit instanceof Number number && number.longValue() > 0 ? number.longValue() : DEFAULT_LIMIT;
    }
}
