package dev.waymark.cloud.internal.gateway.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import dev.waymark.cloud.internal.gateway.GatewaySettings;
import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.DeviceTrust;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The embedded HiveMQ CE gateway broker: a TLS listener for store hubs (device certificates of role hub, each confined
 * to its own store's topics) and a loopback listener for cloud-core's own clients, with file persistence in
 * {@code dataDir/broker} so cloud-core's session and its unacknowledged messages survive a crash. One per JVM
 * (DESIGN.md section 12). {@link #start} and {@link #stop} block: call them off the event loop.
 */
public final class GatewayBroker {

    private static final Logger LOG = Logger.getLogger(GatewayBroker.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedHiveMQ broker;
    private final DeviceTrust trust;
    private final int tlsPort;
    private final int loopbackPort;
    private final String cloudPassword;

    private GatewayBroker(EmbeddedHiveMQ broker, DeviceTrust trust, int tlsPort, int loopbackPort,
                          String cloudPassword) {
        this.broker = broker;
        this.trust = trust;
        this.tlsPort = tlsPort;
        this.loopbackPort = loopbackPort;
        this.cloudPassword = cloudPassword;
    }

    /**
     * Writes the configuration and TLS files and starts the broker; {@code revoked} says whether a hub certificate
     * has been revoked (checked at every connect). IOException when
     * the broker does not start.
     */
    public static GatewayBroker start(GatewaySettings settings, DeviceCa ca, Predicate<X509Certificate> revoked)
            throws IOException {
        Path data = Files.createDirectories(settings.dataDir());
        String password = secret();
        ListenerKeys.write(data.resolve("tls"), ca, settings.serverNames(), password.toCharArray());
        int tlsPort = settings.port() == 0 ? freePort() : settings.port();
        int loopbackPort = freePort();
        BrokerConfigFile.write(data.resolve("conf"), data.resolve("tls"), settings, tlsPort, loopbackPort, password);
        DeviceTrust trust = DeviceTrust.forDevices(ca.certificate(), Clock.systemUTC());
        GatewayAuthenticator authenticator = new GatewayAuthenticator(trust, revoked, loopbackPort,
                password.getBytes(StandardCharsets.UTF_8));
        EmbeddedExtension extension = EmbeddedExtension.builder().withId("waymark-gateway")
                .withName("Waymark gateway").withVersion("0.1.0").withAuthor("Waymark").withPriority(1000)
                .withStartPriority(1000).withExtensionMain(new GatewayExtension(authenticator)).build();
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder().withConfigurationFolder(data.resolve("conf"))
                .withDataFolder(Files.createDirectories(data.resolve("broker")))
                .withExtensionsFolder(Files.createDirectories(data.resolve("extensions")))
                .withEmbeddedExtension(extension).build();
        // The embedded builder has just set a JVM-wide flag that admits clients no authenticator handled. Ours
        // handles every client; this puts the broker's own default back to deny should it ever not.
        InternalConfigurations.AUTH_DENY_UNAUTHENTICATED_CONNECTIONS.set(true);
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            closeQuietly(broker);
            throw new IOException("the gateway broker did not start: " + e.getMessage(), e);
        }
        LOG.info("gateway broker listening for hubs on " + settings.host() + ":" + tlsPort
                + " (TLS, hub certificates required) and for cloud-core on 127.0.0.1:" + loopbackPort);
        return new GatewayBroker(broker, trust, tlsPort, loopbackPort, password);
    }

    /** Disconnects client {@code clientId}, saying it is no longer authorized; true when it was connected. */
    public CompletableFuture<Boolean> disconnect(String clientId) {
        return Services.clientService().disconnectClient(clientId, true, DisconnectReasonCode.NOT_AUTHORIZED,
                "certificate revoked");
    }

    /** The TLS port hubs connect to. */
    public int tlsPort() {
        return tlsPort;
    }

    /** {@code tcp://127.0.0.1:<port>}: where cloud-core's own clients connect. */
    public String loopbackUrl() {
        return "tcp://127.0.0.1:" + loopbackPort;
    }

    /** The password of the user {@code cloud-core} on the loopback listener, new at every start. */
    public String cloudPassword() {
        return cloudPassword;
    }

    /** The user name of cloud-core's own clients. */
    public static String cloudUser() {
        return GatewayAuthenticator.CLOUD_USER;
    }

    /** Stops the broker; its data folder keeps sessions and queued messages for the next start. */
    public void stop() {
        try {
            broker.stop().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("stopping the gateway broker: " + e);
        }
        closeQuietly(broker);
    }

    private static void closeQuietly(EmbeddedHiveMQ broker) {
        try {
            broker.close();
        } catch (Exception e) {
            LOG.warning("closing the gateway broker: " + e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
