package dev.waymark.cloud.internal.gateway.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A QoS 1 subscriber with a durable session and manual acknowledgements: it (re)subscribes after every connect and
 * hands each message over with a {@link Delivery} that the receiver acknowledges once the message is safe.
 */
public final class DurableSubscriber {

    /** Receives one message; call {@link Delivery#acknowledge()} exactly when it may be forgotten. */
    @FunctionalInterface
    public interface Receiver {
        void arrived(Delivery delivery, String topic, MqttMessage message);
    }

    /** The acknowledgement of one delivered message. */
    public interface Delivery {
        /** Sends the PUBACK; a no-op if the connection it came on is gone (the broker redelivers it). */
        void acknowledge();
    }

    private static final Logger LOG = Logger.getLogger(DurableSubscriber.class.getName());

    private final BrokerLink link;
    private final String filter;

    /** A subscriber of {@code filter} as {@code clientId}; IllegalArgumentException when the client id is bad. */
    public DurableSubscriber(Vertx vertx, BrokerEndpoint endpoint, String clientId, int receiveMaximum,
                             String filter, Receiver receiver) {
        this.filter = filter;
        try {
            this.link = BrokerLink.durable(vertx, endpoint, clientId, receiveMaximum,
                    (epoch, topic, message) -> receiver.arrived(() -> acknowledge(epoch, message), topic, message),
                    this::subscribe);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client " + clientId + ": " + e.getMessage(), e);
        }
    }

    /** Connects and subscribes; completes after the first subscription succeeded. */
    public Future<Void> start() {
        return link.start();
    }

    /** Disconnects and releases the client. */
    public Future<Void> stop() {
        return link.stop();
    }

    /** True until {@link #stop} was called. */
    public boolean running() {
        return link.running();
    }

    // The session remembers the subscription, but a session that expired or a broker that lost it would not: asking
    // again at every connect is idempotent.
    private Future<Void> subscribe(BrokerLink connected) {
        PahoCompletion done = new PahoCompletion(connected.context(), "subscribe " + filter);
        try {
            connected.client().subscribe(filter, 1, null, done);
            return done.future();
        } catch (MqttException | RuntimeException e) {
            return done.fail(e);
        }
    }

    private void acknowledge(int epoch, MqttMessage message) {
        // A packet id from an older connection may name another message now; the broker redelivers the old one.
        if (epoch != link.epoch() || message.getQos() == 0) {
            return;
        }
        try {
            link.client().messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            LOG.fine("acknowledgement not sent (the broker will redeliver): " + e.getMessage());
        }
    }
}
