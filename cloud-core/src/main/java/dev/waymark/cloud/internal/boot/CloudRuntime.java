package dev.waymark.cloud.internal.boot;

import dev.waymark.cloud.CloudSettings;
import dev.waymark.cloud.internal.http.ApiContract;
import dev.waymark.cloud.internal.keys.CloudKeys;
import dev.waymark.cloud.internal.keys.Secrets;
import dev.waymark.cloud.internal.log.EventLogSettings;
import dev.waymark.cloud.internal.log.EventLogs;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.log.kafka.KafkaEventLog;
import dev.waymark.cloud.internal.pipeline.EventPipeline;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.provisioning.JdbcDeviceRegistry;
import dev.waymark.provisioning.ProvisioningRoutes;
import dev.waymark.provisioning.ProvisioningSettings;
import dev.waymark.provisioning.ProvisioningVerticle;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running cloud: opens the data directory (keys, store, device registry) on a worker, assembles the parts,
 * starts device enrollment and the HTTP API, and runs the periodic work (timers, dedup window, revocations).
 */
public final class CloudRuntime {

    private static final Logger LOG = Logger.getLogger(CloudRuntime.class.getName());
    private static final long TIMER_PERIOD_MS = 1000;
    /** Revocations reach the gateway within this period (DESIGN.md: within a minute). */
    private static final long REVOCATION_PERIOD_MS = 10_000;
    private static final long DEDUP_PRUNE_PERIOD_MS = 3_600_000;

    private final Vertx vertx;
    private final CloudSettings settings;
    private final Clock clock;
    private final List<Long> periodic = new ArrayList<>();
    private JdbcStore store;
    private JdbcDeviceRegistry registry;
    private CloudKeys keys;
    private CloudAssembly parts;
    private HttpServer http;
    private Router api;
    private String provisioningDeployment;
    private int provisioningPort;
    private Optional<String> generatedAdminPassword = Optional.empty();
    private boolean devSecrets;

    private CloudRuntime(Vertx vertx, CloudSettings settings, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a cloud; the future fails with the first step that could not be done, naming it. */
    public static Future<CloudRuntime> start(Vertx vertx, CloudSettings settings, Function<String, String> env,
            Clock clock) {
        CloudRuntime runtime = new CloudRuntime(vertx, settings, clock);
        return runtime.open(env).compose(opened -> runtime.openLogs()).compose(logs -> runtime.startParts(env, logs))
                .map(started -> runtime)
                .recover(failure -> runtime.stop().transform(stopped -> Future.failedFuture(failure)));
    }

    private Future<Void> open(Function<String, String> env) {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(settings.dataDir());
            Secrets secrets = Secrets.resolve(env, settings.dataDir().resolve("keys"), settings.devSecrets());
            devSecrets = secrets.generated();
            keys = CloudKeys.loadOrCreate(settings.dataDir().resolve("keys"), secrets, clock);
            store = JdbcStore.open(vertx, settings.storeUrl(), 4);
            registry = openRegistry();
            provisioningPort = settings.provisioningPort() == 0 ? freePort() : settings.provisioningPort();
            return null;
        }, false);
    }

    /**
     * On PostgreSQL the registry lives in the store's database, so every replica enrolls into and revokes from one
     * registry; on SQLite it keeps its own file beside the store, as it always has.
     */
    private JdbcDeviceRegistry openRegistry() {
        return settings.storeUrl().startsWith("jdbc:postgresql:") ? JdbcDeviceRegistry.open(settings.storeUrl())
                : JdbcDeviceRegistry.open(settings.dataDir().resolve("registry.db"));
    }

    private Future<Void> startParts(Function<String, String> env, EventLogs logs) {
        RevokedSerials revoked = new RevokedSerials(registry);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            parts = new CloudAssembly(vertx, store, logs, settings, keys, revoked, meters, clock);
        } catch (RuntimeException e) {
            logs.close();
            throw e;
        }
        return vertx.executeBlocking(() -> {
            revoked.catchUp();
            return null;
        }, false).compose(caught -> bootstrapAdmin(env))
                .compose(admin -> parts.start())
                .compose(started -> startProvisioning())
                .compose(started -> ApiContract.load(vertx))
                .compose(contract -> startHttp(contract))
                .onSuccess(started -> schedule(revoked));
    }

    /**
     * The event logs {@code eventLog.kind} names: the store's own (default), or the Kafka ingest topic and the topic
     * of events keyed by profile.
     */
    private Future<EventLogs> openLogs() {
        EventLogSettings logSettings = EventLogSettings.from(settings.section(EventLogSettings.SECTION));
        return logSettings.kafka().map(kafka -> KafkaEventLog.open(vertx, kafka).compose(ingest -> KafkaEventLog
                        .openProfiles(vertx, kafka).map(profiles -> EventLogs.routed(ingest, profiles))
                        .onFailure(failure -> ingest.close())))
                .orElseGet(() -> Future.succeededFuture(EventLogs.single(new StoreEventLog(vertx, store))));
    }

    private Future<Void> bootstrapAdmin(Function<String, String> env) {
        String given = env.apply("WM_ADMIN_PASSWORD");
        String password = given != null && !given.isEmpty() ? given : randomPassword();
        return parts.accounts.ensureAdmin(password).map(created -> {
            if (created && (given == null || given.isEmpty())) {
                generatedAdminPassword = Optional.of(password);
            }
            return null;
        });
    }

    private Future<Void> startProvisioning() {
        String url = "https://localhost:" + provisioningPort + ProvisioningRoutes.MOUNT_POINT;
        ProvisioningSettings provisioning = ProvisioningSettings.of(url, settings.hubHost(),
                keys.bundleVerificationPem(), keys.pseudonymizationKey());
        return vertx.deployVerticle(new ProvisioningVerticle(keys.ca(), parts.guard.storeAccess(), provisioning,
                registry, settings.httpHost(), provisioningPort,
                List.of("localhost", "127.0.0.1"), clock)).map(id -> {
                    provisioningDeployment = id;
                    return null;
                });
    }

    private Future<Void> startHttp(ApiContract contract) {
        Map<String, Supplier<Future<JsonObject>>> checks = new LinkedHashMap<>();
        checks.put("store", () -> store.read(c -> {
            try (Statement probe = c.createStatement()) {
                return probe.execute("SELECT 1");
            }
        }).map(ok -> new JsonObject().put("status", "UP")));
        checks.put("eventLog", () -> parts.backlog()
                .map(lag -> new JsonObject().put("status", "UP").put("lag", lag)));
        checks.put("gateway", () -> Future.succeededFuture(new JsonObject().put("status", "UP")
                .put("tlsPort", parts.gateway.tlsPort().orElse(-1))));
        List<java.util.function.Consumer<Router>> routes = new ArrayList<>();
        routes.add(contract::install);
        routes.addAll(parts.routes(checks));
        routes.add(contract::installFailures);
        Router router = ApiRouter.create(vertx, routes);
        api = router;
        return vertx.createHttpServer(new HttpServerOptions().setHost(settings.httpHost())
                        .setPort(settings.httpPort()).setCompressionSupported(true))
                .requestHandler(router).listen().map(server -> {
                    http = server;
                    return null;
                });
    }

    private void schedule(RevokedSerials revoked) {
        EventPipeline pipeline = parts.pipeline();
        var timers = pipeline.timers();
        periodic.add(vertx.setPeriodic(TIMER_PERIOD_MS, id -> timers.fireDue()
                .onFailure(failure -> LOG.log(Level.WARNING, "journey timers: " + failure.getMessage()))));
        periodic.add(vertx.setPeriodic(REVOCATION_PERIOD_MS, id -> vertx.executeBlocking(revoked::catchUp, false)
                .onSuccess(devices -> devices.forEach(parts.gateway::disconnect))));
        periodic.add(vertx.setPeriodic(DEDUP_PRUNE_PERIOD_MS, id -> pipeline.forgetSeenBefore(
                clock.instant().minus(Duration.ofHours(settings.dedupHours())))));
    }

    /** Stops everything started, in reverse order; what is durable stays in the data directory. */
    public Future<Void> stop() {
        periodic.forEach(vertx::cancelTimer);
        Future<Void> httpClosed = http == null ? Future.succeededFuture() : http.close();
        return httpClosed
                .compose(v -> provisioningDeployment == null ? Future.succeededFuture()
                        : vertx.undeploy(provisioningDeployment))
                .compose(v -> parts == null ? Future.succeededFuture() : parts.stop())
                .recover(failure -> {
                    LOG.log(Level.WARNING, "stopping: " + failure.getMessage());
                    return Future.succeededFuture();
                })
                .compose(v -> vertx.executeBlocking(() -> {
                    if (store != null) {
                        store.close();
                    }
                    if (registry != null) {
                        registry.close();
                    }
                    return null;
                }, false));
    }

    /** The API's port. */
    public int httpPort() {
        return http.actualPort();
    }

    /** The routes of the HTTP API as mounted, in order (the API conformance test checks each against the contract). */
    public List<Route> apiRoutes() {
        return api == null ? List.of() : List.copyOf(api.getRoutes());
    }

    /** The HTTPS port devices enroll at. */
    public int provisioningPort() {
        return provisioningPort;
    }

    /** The gateway's TLS port for hubs, when embedded. */
    public Optional<Integer> gatewayPort() {
        return parts.gateway.tlsPort();
    }

    /** The device CA's fingerprint, for enrollment tokens and hub configs. */
    public String caFingerprint() {
        return keys.ca().fingerprint();
    }

    /** The admin password generated at first start, to be shown once; empty otherwise. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /** True when the keystore passwords were generated into the data directory (dev secrets). */
    public boolean devSecrets() {
        return devSecrets;
    }

    private static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
