package dev.waymark.cloud.internal.http;

import dev.waymark.cloud.internal.collector.CollectorRoutes;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.BlockedLoopWatch;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.privacy.PseudonymizationKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on port 0 wired as the integrator will: the contract first, then stand-ins for the parts on
 * the paths of real operations (each with its own, deliberately tiny, BodyHandler limit), the real Segment
 * collector over a SQLite event log, an open {@code /health}, and the contract's failure handler last.
 */
final class ContractServer implements AutoCloseable {

    static final String WRITE_KEY = "wk_shop_1";
    /** The stand-ins' own body limit: far below the contract's, to show their BodyHandlers no longer read. */
    static final long PART_BODY_LIMIT = 16;

    final Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(100));
    final BlockedLoopWatch watch = new BlockedLoopWatch();
    final List<String> blockedWarnings = watch.warnings();
    private final JdbcStore store;
    private final HttpServer server;

    ContractServer(Path dir) throws Exception {
        ApiContract contract = ApiContract.load(vertx).await(60, TimeUnit.SECONDS);
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 2);
        Guard guard = new HeaderGuard();
        Router router = Router.router(vertx);
        contract.install(router);
        BodyHandler partBodies = BodyHandler.create(false).setBodyLimit(PART_BODY_LIMIT);
        router.post("/v1/decisions").handler(partBodies).handler(guard.require(Scope.DECIDE))
                .handler(ContractServer::echoBody);
        router.get("/v1/decisions").handler(guard.require(Scope.READ)).handler(ContractServer::echoQuery);
        router.post("/v1/profiles/:namespace/:id/consents").handler(partBodies).handler(guard.require(Scope.CONSENT))
                .handler(ContractServer::echoBody);
        router.get("/v1/kpis").handler(guard.require(Scope.READ)).handler(ContractServer::echoQuery);
        router.get("/health").handler(context -> context.json(new JsonObject().put("status", "UP")));
        KeyRing keys = KeyRing.of(PseudonymizationKey.of("k1", filled(32)));
        new CollectorRoutes(vertx, new StoreEventLog(vertx, store),
                key -> Future.succeededFuture(WRITE_KEY.equals(key)),
                EventMasker.create(MaskingPolicy.defaults(), keys, PiiScanner.standard()), new SimpleMeterRegistry(),
                Clock.systemUTC()).mount(router);
        contract.installFailures(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
    }

    /** The server's port. */
    int port() {
        return server.actualPort();
    }

    private static void echoBody(RoutingContext context) {
        context.json(new JsonObject().put("reached", true).put("body", context.body().asJsonObject()));
    }

    private static void echoQuery(RoutingContext context) {
        JsonObject query = new JsonObject();
        context.queryParams().forEach(entry -> query.put(entry.getKey(), entry.getValue()));
        context.json(new JsonObject().put("reached", true).put("query", query));
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 7);
        return bytes;
    }

    @Override
    public void close() throws Exception {
        watch.close();
        server.close().await(10, TimeUnit.SECONDS);
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
