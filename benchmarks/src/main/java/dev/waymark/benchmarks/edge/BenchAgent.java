package dev.waymark.benchmarks.edge;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.BundleContents;
import dev.waymark.decision.BundleSigner;
import dev.waymark.decision.BundleSigning;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.PropensityModel;
import dev.waymark.edge.EdgeAgent;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import dev.waymark.journey.IntentPatterns;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real kiosk agent for the edge benchmarks, in dev mode with a hub address nobody listens on: the outbox only
 * fills, the uplink keeps retrying in the background, and decisions are offline. Its files live in a temp folder.
 */
final class BenchAgent implements AutoCloseable {

    static final String PASSWORD = "bench-password";
    private static final String ALIAS = "bench-key";
    // DeviceConfig only checks the PEM's shape; a dev-mode plaintext hub never reads it.
    private static final String UNUSED_CA_PEM = "-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n";

    final Path dir;
    final Vertx vertx;
    final EdgeAgent agent;
    private final KeyPair bundleKeys;

    private BenchAgent(Path dir, Vertx vertx, EdgeAgent agent, KeyPair bundleKeys) {
        this.dir = dir;
        this.vertx = vertx;
        this.agent = agent;
        this.bundleKeys = bundleKeys;
    }

    static BenchAgent start() throws Exception {
        Path dir = Files.createTempDirectory("wm-edge-bench");
        KeyPair bundleKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeviceConfig config = new DeviceConfig("store-bench", "kiosk-bench", DeviceRole.KIOSK,
                "tcp://127.0.0.1:" + closedPort, "wm/v1/", "0".repeat(64), List.of(UNUSED_CA_PEM),
                "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(bundleKeys.getPublic()
                        .getEncoded()) + "\n-----END PUBLIC KEY-----\n", ALIAS);
        Files.write(dir.resolve("agent.json"), ContractCodec.create().encode(config));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "HmacSHA256")),
                new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        try (OutputStream out = Files.newOutputStream(dir.resolve("device.p12"))) {
            store.store(out, PASSWORD.toCharArray());
        }
        EdgeSettings settings = EdgeSettings.defaults(dir.resolve("agent.json"), dir.resolve("device.p12"),
                dir.resolve("edge.db")).withHttpPort(0).withDev(true);
        Vertx vertx = Vertx.vertx();
        EdgeAgent agent = EdgeAgent.start(vertx, settings, EdgeIdentity.load(settings, name -> PASSWORD))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new BenchAgent(dir, vertx, agent, bundleKeys);
    }

    /** Installs a bundle whose one edge-decidable help action fits any abandoned cart. */
    void installCartHelpBundle() {
        ActionDefinition help = ActionDefinition.builder("help-cart").category(ActionCategory.CARE)
                .channels(Channel.KIOSK).placements("home").edgeDecidable(true).eligibility("journey.cartItems > 0")
                .build();
        BundleContents contents = new BundleContents(1, List.of(help), IntentPatterns.defaults().toJson(),
                DecisionPolicies.defaults(), PropensityModel.uniform().snapshot());
        BundleSigning signing = BundleSigner.of(bundleKeys.getPrivate(), "bench").sign(contents);
        if (!agent.installBundle(ContractCodec.create().encode(((BundleSigning.Signed) signing).bundle()))) {
            throw new IllegalStateException("the benchmark bundle was refused");
        }
    }

    @Override
    public void close() throws Exception {
        agent.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
