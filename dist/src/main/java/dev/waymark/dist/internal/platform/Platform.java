package dev.waymark.dist.internal.platform;

import dev.waymark.dist.internal.BuildInfo;
import dev.waymark.edge.EdgeAgent;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceEnrollment;
import dev.waymark.provisioning.EnrollmentRefused;
import dev.waymark.provisioning.ProvisioningAdmin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: a cloud core and one hub per store, each in its own JVM (one embedded HiveMQ
 * per JVM), and the kiosk agents inside this JVM, every device enrolled through the real provisioning flow with a
 * token and connected with mutual TLS. Used by {@code waymark demo}, the end-to-end tests and {@code waymark bench
 * e2e}. A second start on the same data directory reuses the enrolled devices and the secrets in
 * {@code platform.json}.
 */
public final class Platform implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final PlatformPlan plan;
    private final PrintWriter progress;
    private final Vertx vertx = Vertx.vertx();
    private final List<HubNode> hubs = new ArrayList<>();
    private final List<KioskNode> kiosks = new ArrayList<>();
    private CloudNode cloud;
    private PlatformState state;

    private Platform(PlatformPlan plan, PrintWriter progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * Brings every tier up and returns once the cloud is ready, every hub's link is up and every agent has started.
     * Throws IOException saying which role failed (with the end of its log); nothing is left running then.
     */
    public static Platform start(PlatformPlan plan, PrintWriter progress) throws IOException, InterruptedException {
        prepare(plan);
        Platform platform = new Platform(plan, progress);
        try {
            platform.bringUp();
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public CloudNode cloud() {
        return cloud;
    }

    public List<HubNode> hubs() {
        return List.copyOf(hubs);
    }

    public List<KioskNode> kiosks() {
        return List.copyOf(kiosks);
    }

    /** The Vert.x instance the agents run on; simulators may share it. */
    public Vertx vertx() {
        return vertx;
    }

    /** A client for the field tech's and operator's provisioning calls (tokens, revocation), as the admin. */
    public ProvisioningAdmin provisioningAdmin() {
        return ProvisioningAdmin.connect(cloud.provisioningUrl(), cloud.caFingerprint(), cloud.secretKey(),
                Clock.systemUTC());
    }

    private void bringUp() throws IOException, InterruptedException {
        state = PlatformState.openOrCreate(plan.dataDir());
        startCloud();
        startHubs();
        startKiosks();
    }

    private void startCloud() throws IOException, InterruptedException {
        Path dir = plan.dataDir().resolve("cloud");
        Files.createDirectories(dir);
        int httpPort = plan.httpPort() == 0 ? FreePorts.next() : plan.httpPort();
        int provisioningPort = FreePorts.next();
        int gatewayPort = FreePorts.next();
        JsonObject config = new JsonObject().put("dataDir", ".")
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", httpPort))
                .put("provisioning", new JsonObject().put("port", provisioningPort))
                .put("gateway", new JsonObject().put("host", "127.0.0.1").put("port", gatewayPort))
                .put("accounts", new JsonObject().put("secureCookie", false))
                .mergeIn(plan.cloudConfig(), true);
        Files.writeString(dir.resolve("cloud.json"), config.encodePrettily());
        ChildJvm jvm = new ChildJvm("the cloud core", plan.childJvm(), List.of("-Xmx768m"),
                List.of("cloud", "--config", dir.resolve("cloud.json").toString()),
                Map.of("WM_ADMIN_PASSWORD", state.adminPassword()),
                dir, plan.dataDir().resolve("logs/cloud.log"));
        cloud = new CloudNode(jvm, dir, httpPort, provisioningPort, gatewayPort, state.adminPassword());
        cloud.start();
        CloudApi api = cloud.client();
        if (state.secretKey().isEmpty() || api.get("/v1/stores", state.secretKey().get()).status() != 200) {
            JsonObject keys = api.createKeys(state.adminPassword());
            state.keys(keys.getString("secret"), keys.getString("write"));
        }
        cloud.keys(state.secretKey().orElseThrow(), state.writeKey().orElseThrow());
        progress.printf("  cloud core     %s/v1/  (enrollment %s, hub gateway %s)  log %s%n", cloud.api(),
                cloud.provisioningUrl(), cloud.gatewayUrl(), cloud.log());
        progress.flush();
    }

    private void startHubs() throws IOException, InterruptedException {
        for (String store : plan.storeIds()) {
            Path dir = plan.dataDir().resolve("hubs").resolve(store);
            DeviceConfig device = enrolled(dir, store, DeviceRole.HUB);
            int listenPort = FreePorts.next();
            int statusPort = FreePorts.next();
            Optional<LinkSwitch> link = plan.linkSwitches() ? Optional.of(await(LinkSwitch.start(vertx, store,
                    "localhost", cloud.gatewayPort()))) : Optional.empty();
            // Through the switch the hub still names the gateway's host, so its TLS checks are the same.
            String upstream = link.map(s -> "ssl://localhost:" + s.port()).orElse(cloud.gatewayUrl());
            JsonObject config = new JsonObject().put("store", store).put("dataDir", "data")
                    .put("keystore", DeviceEnrollment.KEYSTORE_FILE)
                    .put("listen", new JsonObject().put("host", "127.0.0.1").put("port", listenPort))
                    .put("upstream", new JsonObject().put("url", upstream))
                    .put("status", new JsonObject().put("port", statusPort).put("publishSeconds", 10))
                    .put("provisioning", new JsonObject().put("url", cloud.provisioningUrl()).put("pollSeconds", 5))
                    .mergeIn(plan.hubConfig(), true);
            Files.writeString(dir.resolve("hub.json"), config.encodePrettily());
            ChildJvm jvm = new ChildJvm("the hub of " + store, plan.childJvm(), List.of("-Xmx384m"),
                    List.of("hub", "--config", dir.resolve("hub.json").toString()),
                    Map.of("WM_KEYSTORE_PASSWORD", state.keystorePassword()),
                    dir, plan.dataDir().resolve("logs/hub-" + store + ".log"));
            HubNode hub = new HubNode(jvm, store, device.deviceId(), listenPort, statusPort, dir, link);
            hubs.add(hub);
            hub.launch();
        }
        for (HubNode hub : hubs) {
            hub.awaitUp();
            progress.printf("  hub %-10s %s  (status %s)  log %s%n", hub.store(), hub.mqttUrl(), hub.status(),
                    hub.log());
        }
        progress.flush();
    }

    private void startKiosks() throws IOException, InterruptedException {
        KioskLogs.writeTo(plan.dataDir().resolve("logs/kiosks.log"));
        List<Future<KioskNode>> starting = new ArrayList<>();
        for (HubNode hub : hubs) {
            for (int k = 1; k <= plan.kiosksPerStore(); k++) {
                Path dir = plan.dataDir().resolve("kiosks").resolve(hub.store()).resolve("kiosk-" + k);
                DeviceConfig device = enrolled(dir, hub.store(), DeviceRole.KIOSK);
                JsonObject config = new JsonObject().put(EdgeSettings.HTTP_PORT, 0)
                        .put(EdgeSettings.HEARTBEAT_SECONDS, 10).mergeIn(plan.edgeConfig(), true);
                Files.writeString(dir.resolve("edge.json"), config.encodePrettily());
                EdgeSettings settings = EdgeSettings.read(dir.resolve("edge.json"));
                EdgeIdentity enrolledIdentity = EdgeIdentity.load(settings, name -> state.keystorePassword());
                EdgeIdentity identity = new EdgeIdentity(atHub(device, hub.mqttUrl()), enrolledIdentity.keystore(),
                        enrolledIdentity.password(), enrolledIdentity.pseudonymizationKey());
                starting.add(EdgeAgent.start(vertx, settings, identity)
                        .map(agent -> new KioskNode(hub.store(), device.deviceId(), agent, dir)));
            }
        }
        for (Future<KioskNode> future : starting) {
            kiosks.add(await(future));
        }
        for (KioskNode kiosk : kiosks) {
            progress.printf("  kiosk %-8s %s/  (screen and capture API)%n", kiosk.store(), kiosk.captureApi());
        }
        progress.flush();
    }

    /** The device in {@code dir}, enrolled now with a fresh token when it has no keystore yet. */
    private DeviceConfig enrolled(Path dir, String store, DeviceRole role) throws IOException {
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve(DeviceEnrollment.KEYSTORE_FILE))) {
            try {
                var grant = provisioningAdmin().createToken(store, role);
                return DeviceEnrollment.enroll(grant.qr(), role, dir, state.keystorePassword().toCharArray(),
                        BuildInfo.version(), Clock.systemUTC()).config();
            } catch (EnrollmentRefused e) {
                throw new IOException("enrolling a " + role + " of " + store + " was refused: " + e.getMessage(), e);
            }
        }
        Path file = dir.resolve(DeviceEnrollment.CONFIG_FILE);
        Decoded<DeviceConfig> config = ContractCodec.create().decode(Files.readAllBytes(file), DeviceConfig.class);
        if (config instanceof Decoded.Rejected<DeviceConfig> rejected) {
            throw new IOException(file + ": " + rejected.rejection().message() + "; start with --reset");
        }
        return config.orElseThrow();
    }

    /** The enrolled config with the address where this machine's hub listens (enrollment names a DNS host). */
    private static DeviceConfig atHub(DeviceConfig config, String hubAddress) {
        return new DeviceConfig(config.storeId(), config.deviceId(), config.role(), hubAddress, config.topicRoot(),
                config.caFingerprint(), config.trustAnchorsPem(), config.bundleVerificationKey(),
                config.pseudonymizationKeyAlias());
    }

    private static <T> T await(Future<T> future) throws IOException, InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("a kiosk agent did not start within 60 s", e);
        }
    }

    /** Stops the agents, then the hubs and the cloud together (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        List<Future<Void>> closing = kiosks.stream().map(k -> k.agent().close()).toList();
        try {
            Future.join(closing).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            progress.println("  some kiosk agents did not stop cleanly: " + e.getMessage());
        }
        List<ChildJvm> children = new ArrayList<>();
        hubs.forEach(hub -> children.add(hub.jvm()));
        if (cloud != null) {
            children.add(cloud.jvm());
        }
        children.forEach(ChildJvm::requestStop);
        for (ChildJvm child : children) {
            child.awaitStop(STOP_GRACE);
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            progress.println("  Vert.x did not stop cleanly: " + e.getMessage());
        }
        progress.flush();
    }

    /** Applies {@link PlatformPlan#reset()}: deletes the data directory, if it is a platform's. */
    private static void prepare(PlatformPlan plan) throws IOException {
        Path dir = plan.dataDir();
        if (plan.reset() && Files.isDirectory(dir)) {
            boolean ours = Files.exists(dir.resolve(PlatformState.FILE));
            try (Stream<Path> entries = Files.list(dir)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new IOException(dir + " holds files that are not a Waymark platform's (no "
                            + PlatformState.FILE + "); not deleting it, choose another --data-dir");
                }
            }
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
