package dev.waymark.dist.e2e;

import dev.waymark.dist.internal.platform.Platform;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceEnrollment;
import dev.waymark.provisioning.DeviceTrust;
import dev.waymark.provisioning.NoDelaySockets;
import dev.waymark.provisioning.TokenGrant;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * What crosses a store's hub-to-cloud link, recorded at the cloud's gateway: a second hub identity of the store,
 * enrolled with a token like any hub, connects with its certificate (mutual TLS, the device CA pinned) and subscribes
 * to {@code wm/v1/s/{store}/#}, the one subscription the gateway allows a hub. Kiosk events pass that topic tree on
 * their way up, actions and the bundle on their way down.
 */
final class GatewayTap implements AutoCloseable {

    /** The keystore alias of a device's client key (docs/hub.md: aliases device, hub-server, waymark-ca). */
    private static final String CLIENT_ALIAS = "device";

    /** One message as the tap received it. */
    record Message(String topic, byte[] payload) {
    }

    private final MqttClient client;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private GatewayTap(MqttClient client) {
        this.client = client;
    }

    /** Enrolls a tap in {@code dir} as a hub of {@code store} and subscribes it to the store's topic tree. */
    static GatewayTap open(Platform platform, String store, Path dir) throws Exception {
        TokenGrant grant = platform.provisioningAdmin().createToken(store, DeviceRole.HUB);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        char[] password = Base64.getEncoder().encodeToString(secret).toCharArray();
        DeviceEnrollment.Result enrolled = DeviceEnrollment.enroll(grant.qr(), DeviceRole.HUB, dir, password,
                "e2e-gateway-tap", Clock.systemUTC());
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(clientKeyOnly(enrolled.keystore(), password), password);
        tls.init(keys.getKeyManagers(), new TrustManager[] {
                DeviceTrust.forServers(platform.cloud().caFingerprint(), Clock.systemUTC())}, null);

        MqttClient client = new MqttClient(platform.cloud().gatewayUrl(), enrolled.config().deviceId(),
                new MemoryPersistence());
        GatewayTap tap = new GatewayTap(client);
        client.setCallback(tap.new Recorder());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setSocketFactory(NoDelaySockets.tls(tls.getSocketFactory()));
        client.connect(options);
        IMqttToken subscribed = client.subscribe("wm/v1/s/" + store + "/#", 1);
        int granted = subscribed.getReasonCodes()[0];
        if (granted >= 0x80) {
            client.disconnect();
            throw new AssertionError("the gateway refused the tap's subscription: reason code " + granted);
        }
        return tap;
    }

    /** True while the tap's connection is up (it does not reconnect, so true at the end means nothing was missed). */
    boolean connected() {
        return client.isConnected();
    }

    /** Every message received so far, in arrival order. */
    List<Message> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    // The enrolled keystore also holds the hub's server key; the client presents the client certificate only.
    private static KeyStore clientKeyOnly(Path file, char[] password) throws Exception {
        KeyStore enrolled = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            enrolled.load(in, password);
        }
        KeyStore only = KeyStore.getInstance("PKCS12");
        only.load(null, null);
        only.setEntry(CLIENT_ALIAS, enrolled.getEntry(CLIENT_ALIAS, new KeyStore.PasswordProtection(password)),
                new KeyStore.PasswordProtection(password));
        return only;
    }

    private final class Recorder implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.add(new Message(topic, message.getPayload()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
