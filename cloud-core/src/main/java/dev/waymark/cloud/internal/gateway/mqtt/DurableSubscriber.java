package dev.waymark.cloud.internal.gateway.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A QoS 1 subscriber with a durable session and manual acknowledgements: it (re)subscribes after every connect and
 * hands each message over with a {@link Delivery} that the receiver acknowledges once the message is safe. A member
 * of a shared subscription ({@code $share/...}) leaves it when stopped: Mosquitto goes on queueing a member's turn
 * in its session while it is away, which a replica that does not come back would never take.
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
    private static final String SHARED = "$share/";
    /** How long a stop waits for the messages in hand to be acknowledged after leaving the share. */
    static final long DRAIN_LIMIT_MS = 5_000;
    private static final long DRAIN_POLL_MS = 20;

    private final Vertx vertx;
    private final BrokerLink link;
    private final String filter;
    private final AtomicInteger inHand = new AtomicInteger();

    /** A subscriber of {@code filter} as {@code clientId}; IllegalArgumentException when the client id is bad. */
    public DurableSubscriber(Vertx vertx, BrokerEndpoint endpoint, String clientId, int receiveMaximum,
                             String filter, Receiver receiver) {
        this.vertx = vertx;
        this.filter = filter;
        try {
            this.link = BrokerLink.durable(vertx, endpoint, clientId, receiveMaximum,
                    (epoch, topic, message) -> receiver.arrived(delivery(epoch, message), topic, message),
                    this::subscribe);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client " + clientId + ": " + e.getMessage(), e);
        }
    }

    /** Connects and subscribes; completes after the first subscription succeeded. */
    public Future<Void> start() {
        return link.start();
    }

    /**
     * Disconnects and releases the client; what was not acknowledged stays in the broker's session. A shared
     * subscription is left first, and the messages in hand get up to {@value #DRAIN_LIMIT_MS} ms to be acknowledged.
     */
    public Future<Void> stop() {
        if (!filter.startsWith(SHARED) || !link.running() || !link.client().isConnected()) {
            return link.stop();
        }
        return leaveShare().recover(failure -> {
            LOG.info("could not leave " + filter + " before stopping: " + failure.getMessage());
            return Future.succeededFuture();
        }).compose(left -> drained()).eventually(link::stop);
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

    private Future<Void> leaveShare() {
        PahoCompletion done = new PahoCompletion(link.context(), "unsubscribe " + filter);
        try {
            link.client().unsubscribe(filter, null, done);
            return done.future();
        } catch (MqttException | RuntimeException e) {
            return done.fail(e);
        }
    }

    // Completes once no delivered message waits for its acknowledgement, or at the limit.
    private Future<Void> drained() {
        Promise<Void> done = Promise.promise();
        long limit = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_LIMIT_MS);
        vertx.setPeriodic(DRAIN_POLL_MS, id -> {
            if (inHand.get() <= 0 || System.nanoTime() - limit > 0) {
                vertx.cancelTimer(id);
                done.tryComplete();
            }
        });
        return done.future();
    }

    private Delivery delivery(int epoch, MqttMessage message) {
        inHand.incrementAndGet();
        AtomicBoolean once = new AtomicBoolean();
        return () -> {
            if (once.compareAndSet(false, true)) {
                inHand.decrementAndGet();
                acknowledge(epoch, message);
            }
        };
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
