package dev.waymark.cloud.internal.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import java.util.Objects;

/**
 * The cloud API's OpenAPI description ({@code docs/api/openapi.yaml}, packaged as {@value #LOCATION}) enforced on
 * every request under {@value #PREFIX} before the parts' handlers run: a path or method the contract does not
 * describe answers 404, each operation's body is read once with its declared limit (413 beyond it), and parameters
 * and the JSON body are validated (400 naming the field). Paths outside {@value #PREFIX} ({@code /health},
 * {@code /metrics}, {@code /provisioning/v1}) pass untouched.
 *
 * <p>Wiring: {@link #install} before mounting the parts, {@link #installFailures} after them.
 */
public final class ApiContract {

    /** Where the contract is on the classpath. */
    public static final String LOCATION = "api/openapi.yaml";
    /** The paths the contract governs. */
    public static final String PREFIX = "/v1/";
    /** The context key of the request's {@link Operation}. */
    public static final String OPERATION_KEY = "wm.operation";

    private final OpenAPIContract contract;
    private final BodyLimits bodies;
    private final RequestCheck check;

    private ApiContract(Vertx vertx, OpenAPIContract contract) {
        this.contract = contract;
        this.bodies = new BodyLimits(contract);
        this.check = new RequestCheck(RequestValidator.create(vertx, contract));
    }

    /** Loads and checks the packaged contract; fails when it is missing or not a valid OpenAPI 3.1 document. */
    public static Future<ApiContract> load(Vertx vertx) {
        return load(vertx, LOCATION);
    }

    /** Loads the contract at {@code location} (a classpath resource or a file path, YAML or JSON). */
    public static Future<ApiContract> load(Vertx vertx, String location) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(location, "location");
        return OpenAPIContract.from(vertx, location).map(contract -> new ApiContract(vertx, contract));
    }

    /**
     * Routes every {@value #PREFIX} request through the operation lookup, its body reader and the validator. Call it
     * before mounting the parts so their handlers see only valid requests.
     */
    public void install(Router router) {
        router.route(PREFIX + "*").handler(operationReader()).handler(validator());
    }

    /**
     * Adds the last-resort failure handler for {@value #PREFIX} requests. Call it after mounting the parts: a part's
     * own failure handler (the collector's Segment-style 400 for an oversize body) comes first.
     */
    public void installFailures(Router router) {
        router.route(PREFIX + "*").failureHandler(failures());
    }

    /** Finds the request's operation (404 when there is none) and reads its body with the operation's limit. */
    public Handler<RoutingContext> operationReader() {
        return this::findAndRead;
    }

    /** Validates parameters and the body read by {@link #operationReader}; 400 naming the field. */
    public Handler<RoutingContext> validator() {
        return check;
    }

    /** Answers failures the parts left unanswered in the API's error shape (413 names {@code body}). */
    public Handler<RoutingContext> failures() {
        return ContractFailures::handle;
    }

    private void findAndRead(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith(PREFIX)) {
            context.next();
            return;
        }
        // Vert.x routes "/v1/kpis/" to "/v1/kpis"; the contract should agree.
        String lookup = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        HttpMethod method = context.request().method();
        Operation operation = contract.findOperation(lookup, method);
        if (operation == null) {
            if (method == HttpMethod.OPTIONS && contract.findPath(lookup) != null) {
                context.next(); // a CORS preflight, answered by the part's CorsHandler
                return;
            }
            // The path is not echoed: it may hold an identifier.
            ApiErrors.send(context, 404, "not_found", "the API has no operation " + method.name()
                    + " at this path; see docs/api/openapi.yaml");
            return;
        }
        context.put(OPERATION_KEY, operation);
        bodies.read(context, operation);
    }
}
