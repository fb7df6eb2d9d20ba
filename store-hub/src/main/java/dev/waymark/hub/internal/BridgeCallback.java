package dev.waymark.hub.internal;

import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Paho's callbacks, handed to the bridge; nothing here blocks Paho's thread. */
final class BridgeCallback implements MqttCallback {

    /** A downlink message with its id for the manual acknowledgement. */
    interface Downlink {
        void arrived(int messageId, String topic, MqttMessage message);
    }

    private final Consumer<String> lost;
    private final Downlink downlink;

    BridgeCallback(Consumer<String> lost, Downlink downlink) {
        this.lost = lost;
        this.downlink = downlink;
    }

    static MqttActionListener listener(Consumer<IMqttToken> success, Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                success.accept(token);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failure.accept(exception);
            }
        };
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        lost.accept("disconnected: " + response.getReasonString() + " (" + response.getReturnCode() + ")");
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        lost.accept("error: " + exception.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        downlink.arrived(message.getId(), topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // acknowledgements arrive through each publish's listener
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // the connect listener drives the bridge; subscribing here would deadlock Paho (DESIGN.md section 12)
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication upstream
    }
}
