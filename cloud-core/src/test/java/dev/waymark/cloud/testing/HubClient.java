package dev.waymark.cloud.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain Paho v5 client playing a store hub: publishes QoS 1 and reports reason codes, records what it receives. */
public final class HubClient implements AutoCloseable {

    /** One message received. */
    public record Received(String topic, byte[] payload, boolean retained, Long expirySeconds) {
    }

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean disconnected;

    private HubClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects with a clean session; throws MqttException when refused. */
    public static HubClient connect(String url, String clientId, SocketFactory sockets) throws MqttException {
        return connect(url, clientId, sockets, false);
    }

    /** Connects; {@code persistent} keeps the session (clean start false). */
    public static HubClient connect(String url, String clientId, SocketFactory sockets, boolean persistent)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        HubClient hub = new HubClient(client);
        client.setCallback(hub.callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(!persistent);
        if (persistent) {
            options.setSessionExpiryInterval(3600L);
        }
        options.setConnectionTimeout(10);
        options.setHttpsHostnameVerificationEnabled(false);
        options.setSocketFactory(sockets);
        client.connect(options).waitForCompletion(15_000);
        return hub;
    }

    /** Publishes QoS 1 and returns the PUBACK reason code. */
    public int publish(String topic, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        token.waitForCompletion(10_000);
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** Subscribes QoS 1 and returns the SUBACK reason code. */
    public int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(10_000);
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    public List<Received> received() {
        return received;
    }

    public boolean isConnected() {
        return client.isConnected() && !disconnected;
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                disconnected = true;
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                MqttProperties properties = message.getProperties();
                received.add(new Received(topic, message.getPayload(), message.isRetained(),
                        properties == null ? null : properties.getMessageExpiryInterval()));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                disconnected = false;
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        };
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // already gone
        }
    }
}
