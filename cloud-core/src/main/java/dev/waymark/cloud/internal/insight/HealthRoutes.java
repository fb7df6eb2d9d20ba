package dev.waymark.cloud.internal.insight;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Open health endpoints, for load balancers and orchestrators: {@code GET /health/live} (200 while the process
 * serves HTTP), {@code GET /health/ready} and {@code GET /health} ({@code {"status": "UP"|"DOWN", "checks":
 * {name: {...}}}}, 503 when any check is DOWN). A check is a named supplier of a JSON object; it is DOWN when
 * its object says {@code "status": "DOWN"}, when its future fails or when it takes longer than
 * {@code health.timeout}. Bodies carry no personal data and no stack traces.
 */
public final class HealthRoutes {

    /** Longest reason kept from a failed check, so an error message cannot flood the page. */
    private static final int MAX_REASON = 200;

    private final Map<String, Supplier<Future<JsonObject>>> checks;
    private final Duration timeout;

    /** Routes over {@code checks} (name to check, in display order). */
    public HealthRoutes(Map<String, Supplier<Future<JsonObject>>> checks, Duration timeout) {
        this.checks = new LinkedHashMap<>(checks);
        this.timeout = timeout;
    }

    /** Mounts {@code /health}, {@code /health/live} and {@code /health/ready}, without a guard. */
    public void mount(Router router) {
        router.get("/health/live").handler(context -> context.response()
                .putHeader("content-type", "application/json").end(new JsonObject().put("status", "UP").encode()));
        router.get("/health/ready").handler(this::report);
        router.get("/health").handler(this::report);
    }

    private void report(RoutingContext context) {
        List<String> names = new ArrayList<>(checks.keySet());
        List<Future<JsonObject>> results = names.stream().map(name -> run(checks.get(name))).toList();
        Future.join(results).onComplete(done -> {
            JsonObject byName = new JsonObject();
            boolean up = true;
            for (int i = 0; i < names.size(); i++) {
                JsonObject check = results.get(i).result();
                up &= "UP".equals(check.getString("status"));
                byName.put(names.get(i), check);
            }
            context.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json")
                    .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", byName).encode());
        });
    }

    /** Runs one check; always succeeds, with the check's object (status defaulting to UP) or a DOWN reason. */
    private Future<JsonObject> run(Supplier<Future<JsonObject>> check) {
        Future<JsonObject> future;
        try {
            future = check.get().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            future = Future.failedFuture(e);
        }
        return future.map(json -> {
            JsonObject copy = json == null ? new JsonObject() : json.copy();
            String status = copy.getString("status", "UP");
            return copy.put("status", "DOWN".equalsIgnoreCase(status) ? "DOWN" : "UP");
        }).otherwise(e -> new JsonObject().put("status", "DOWN").put("reason", reason(e)));
    }

    private static String reason(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "..." : text;
    }
}
