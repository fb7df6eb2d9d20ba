package dev.waymark.cloud.internal.gateway.mqtt;

import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.DecisionBundle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * {@link DeviceChannel} over its own Paho client to the gateway broker: actions QoS 1 with MQTT message expiry set
 * to the seconds left until {@link Action#expiresAt()} (rounded up, so the broker never drops an action early), and
 * bundles QoS 1 retained, both encoded with {@link ContractCodec}. Fails, never throws.
 */
public final class MqttDeviceChannel implements DeviceChannel {

    private final BrokerLink link;
    private final Clock clock;
    private final ContractCodec codec = ContractCodec.create();

    /** A channel publishing as {@code clientId}; nothing connects before {@link #start}. */
    public MqttDeviceChannel(Vertx vertx, BrokerEndpoint endpoint, String clientId, Clock clock) {
        this.clock = clock;
        try {
            this.link = BrokerLink.publisher(vertx, endpoint, clientId);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client " + clientId + ": " + e.getMessage(), e);
        }
    }

    /** Connects; completes after the first connect, and keeps reconnecting after that. */
    public Future<Void> start() {
        return link.start();
    }

    /** Disconnects and releases the client. */
    public Future<Void> stop() {
        return link.stop();
    }

    @Override
    public Future<Void> sendAction(String storeId, String deviceId, Action action) {
        try {
            String topic = Topics.actions(storeId, deviceId);
            Duration left = Duration.between(clock.instant(), action.expiresAt());
            if (left.isNegative() || left.isZero()) {
                return Future.failedFuture(new IllegalArgumentException("expiresAt: the action has already expired"));
            }
            MqttMessage message = message(codec.encode(action), false);
            MqttProperties properties = new MqttProperties();
            properties.setMessageExpiryInterval((left.toMillis() + 999) / 1000);
            message.setProperties(properties);
            return publish(topic, message);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<Void> publishBundle(String storeId, DecisionBundle bundle) {
        try {
            return publish(Topics.bundle(storeId), message(codec.encode(bundle), true));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    private static MqttMessage message(byte[] payload, boolean retained) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        return message;
    }

    private Future<Void> publish(String topic, MqttMessage message) {
        PahoCompletion done = new PahoCompletion(link.context(), "publish to " + topic);
        try {
            link.client().publish(topic, message, null, done);
            return done.future();
        } catch (MqttException | RuntimeException e) {
            return done.fail(e);
        }
    }
}
