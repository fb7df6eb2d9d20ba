package dev.waymark.edge.internal;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Paho's callback for one connection: it only hands each event to the uplink thread, tagged with the connection's
 * epoch, so nothing runs (or subscribes, which deadlocks) inside Paho's own threads.
 */
final class UplinkCallback implements MqttCallback {

    /** Receives a lost connection: its epoch and why. */
    interface Lost {
        void lost(int epoch, String reason);
    }

    private final Executor uplink;
    private final int epoch;
    private final Lost lost;
    private final BiConsumer<String, byte[]> arrived;

    UplinkCallback(Executor uplink, int epoch, Lost lost, BiConsumer<String, byte[]> arrived) {
        this.uplink = uplink;
        this.epoch = epoch;
        this.lost = lost;
        this.arrived = arrived;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        String reason = response.getException() != null ? response.getException().getMessage()
                : "reason code " + response.getReturnCode();
        uplink.execute(() -> lost.lost(epoch, reason));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        uplink.execute(() -> lost.lost(epoch, exception.getMessage()));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        uplink.execute(() -> arrived.accept(topic, payload));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Completions arrive through each publish's own listener.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // The connect listener handles a new connection on the uplink thread.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication: the client certificate is the credential.
    }
}
