package dev.waymark.edge.support;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * The hub side of the tests: a plain Paho client with a persistent session (it survives broker restarts, the
 * broker keeping its messages meanwhile) that records every message on {@code wm/v1/#} and can publish.
 */
public final class HubStandIn implements AutoCloseable {

    /** One received message. */
    public record Received(String topic, byte[] payload, boolean retained) {
    }

    private final MqttClient client;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final EventCodec codec = EventCodec.create();

    private HubStandIn(MqttClient client) {
        this.client = client;
    }

    public static HubStandIn connect(String address, String clientId) throws MqttException {
        MqttClient client = new MqttClient(address, clientId, new MemoryPersistence());
        HubStandIn hub = new HubStandIn(client);
        client.setCallback(hub.callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        client.connect(options);
        client.subscribe("wm/v1/#", 1);
        return hub;
    }

    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        client.publish(topic, message);
    }

    public void clear() {
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every event received on events topics, in arrival order, duplicates included. */
    public List<CloudEvent> events() {
        List<CloudEvent> out = new ArrayList<>();
        for (Received message : received) {
            if (message.topic().endsWith("/events")) {
                out.addAll(codec.decodeBatch(message.payload()).orElseThrow());
            }
        }
        return out;
    }

    public boolean connected() {
        return client.isConnected();
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, message.getPayload(), message.isRetained()));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        };
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }
}
