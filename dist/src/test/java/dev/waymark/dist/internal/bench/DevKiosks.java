package dev.waymark.dist.internal.bench;

import dev.waymark.edge.EdgeAgent;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.protocol.device.DeviceRole;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real kiosk agents in dev mode (plaintext MQTT, no enrollment): an identity made in memory, with an empty keystore
 * (TLS is not used), a throw-away bundle key and pseudonymization key.
 */
final class DevKiosks implements AutoCloseable {

    static final String STORE = "s1";
    private static final char[] PASSWORD = "dev-kiosk".toCharArray();
    // Checked for its form only: a dev agent on tcp:// never builds a TLS context.
    private static final String UNUSED_ANCHOR = "-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n";

    private final List<EdgeAgent> agents;

    private DevKiosks(List<EdgeAgent> agents) {
        this.agents = agents;
    }

    /** Starts {@code devices} agents of store {@value #STORE} talking to {@code hubAddress}. */
    static DevKiosks start(Vertx vertx, Path folder, String hubAddress, List<String> devices) throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, PASSWORD);
        String bundleKey = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        List<EdgeAgent> agents = new ArrayList<>();
        for (String device : devices) {
            Path dir = Files.createDirectories(folder.resolve(device));
            DeviceConfig config = new DeviceConfig(STORE, device, DeviceRole.KIOSK, hubAddress, "wm/v1/",
                    "0".repeat(64), List.of(UNUSED_ANCHOR), bundleKey, "pk-dev");
            EdgeIdentity identity = new EdgeIdentity(config, empty, PASSWORD,
                    PseudonymizationKey.of("pk-dev", new byte[32]));
            EdgeSettings settings = EdgeSettings.defaults(dir.resolve("agent.json"), dir.resolve("device.p12"),
                    dir.resolve("edge.db")).withHttpPort(0).withDev(true);
            agents.add(EdgeAgent.start(vertx, settings, identity).await(60, TimeUnit.SECONDS));
        }
        return new DevKiosks(agents);
    }

    /** Each agent's capture API. */
    List<URI> captureApis() {
        return agents.stream().map(agent -> URI.create("http://127.0.0.1:" + agent.httpPort())).toList();
    }

    /** True once every agent is connected to its hub. */
    boolean connected() {
        return agents.stream().allMatch(agent -> agent.status().connected());
    }

    @Override
    public void close() throws Exception {
        Future.join(agents.stream().map(EdgeAgent::close).toList()).await(30, TimeUnit.SECONDS);
    }
}
