package dev.waymark.dist.internal.demo;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.BundleContents;
import dev.waymark.decision.BundleSigner;
import dev.waymark.decision.BundleSigning;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.PropensityModel;
import dev.waymark.edge.EdgeAgent;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import dev.waymark.journey.IntentPatterns;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceCa;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real kiosk agent in dev mode for tests, without provisioning: a throwaway CA as its trust anchor, a keystore
 * holding only the pseudonymization key, and a hub address on a closed port, so it runs offline and decides
 * locally with the bundle installed by {@link #installHelpBundle()}.
 */
final class DevKiosk implements AutoCloseable {

    static final String STORE = "store-demo";
    static final String PLACEMENT = "home";
    private static final String KEY_ALIAS = "pk-demo";
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Vertx vertx;
    private final EdgeSettings settings;
    private final EdgeIdentity identity;
    private final KeyPair bundleKeys;
    private EdgeAgent agent;

    private DevKiosk(Vertx vertx, EdgeSettings settings, EdgeIdentity identity, KeyPair bundleKeys) {
        this.vertx = vertx;
        this.settings = settings;
        this.identity = identity;
        this.bundleKeys = bundleKeys;
    }

    /** Starts an agent for {@code deviceId} with its files in {@code dir}. */
    static DevKiosk start(Vertx vertx, Path dir, String deviceId) throws Exception {
        KeyPair bundleKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        DeviceCa ca = DeviceCa.generate("Demo test CA", Clock.systemUTC());
        String caPem = pem("CERTIFICATE", ca.certificate().getEncoded());
        DeviceConfig config = new DeviceConfig(STORE, deviceId, DeviceRole.KIOSK, "tcp://127.0.0.1:" + closedPort(),
                "wm/v1/", ca.fingerprint(), List.of(caPem), pem("PUBLIC KEY", bundleKeys.getPublic().getEncoded()),
                KEY_ALIAS);
        Files.createDirectories(dir);
        Path configFile = Files.write(dir.resolve("agent.json"), ContractCodec.create().encode(config));
        byte[] secret = (deviceId + "-0123456789abcdef0123456789abcdef").getBytes();
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        EdgeIdentity identity = new EdgeIdentity(config, keystore, PASSWORD, PseudonymizationKey.of(KEY_ALIAS, secret));
        EdgeSettings settings = EdgeSettings.defaults(configFile, dir.resolve("device.p12"), dir.resolve("edge.db"))
                .withHttpPort(0).withDev(true);
        DevKiosk kiosk = new DevKiosk(vertx, settings, identity, bundleKeys);
        kiosk.restart();
        return kiosk;
    }

    EdgeAgent agent() {
        return agent;
    }

    /** The capture API's base URI. */
    URI captureApi() {
        return URI.create("http://127.0.0.1:" + agent.httpPort());
    }

    /** Stops the agent and starts it again on the same database and port. */
    void restart() throws Exception {
        EdgeSettings next = settings;
        if (agent != null) {
            next = settings.withHttpPort(agent.httpPort());
            agent.close().await(30, TimeUnit.SECONDS);
        }
        agent = EdgeAgent.start(vertx, next, identity, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
    }

    /** Installs a signed bundle with one help action for any cart, so abandoned carts get an action offline. */
    boolean installHelpBundle() {
        ActionDefinition help = ActionDefinition.builder("cart-help").category(ActionCategory.CARE)
                .channels(Channel.KIOSK).placements(PLACEMENT).edgeDecidable(true)
                .eligibility("journey.cartItems > 0").build();
        DecisionPolicies policies = DecisionPolicies.defaults().withControlGroup(ControlGroupPolicy.none());
        BundleContents contents = new BundleContents(1, List.of(help), IntentPatterns.defaults().toJson(), policies,
                PropensityModel.uniform().snapshot());
        BundleSigning signing = BundleSigner.of(bundleKeys.getPrivate(), "bk-demo").sign(contents);
        return agent.installBundle(ContractCodec.create().encode(((BundleSigning.Signed) signing).bundle()));
    }

    @Override
    public void close() throws Exception {
        agent.close().await(30, TimeUnit.SECONDS);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
