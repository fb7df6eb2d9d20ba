package dev.waymark.cloud.internal.gateway.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * One Paho v5 client kept connected: it connects, and after any failure (the first connect included, which Paho's
 * automatic reconnect does not cover) tries again after an exponential backoff with full jitter, so replicas that
 * lost the broker together do not return together. After every connect it runs {@code onConnect} on a Vert.x context,
 * never inside Paho's callback (subscribing there deadlocks, DESIGN.md section 12).
 */
final class BrokerLink implements MqttCallback {

    /** Receives every inbound message with the connection epoch it arrived on. */
    @FunctionalInterface
    interface Inbound {
        void arrived(int epoch, String topic, MqttMessage message);
    }

    /** A durable session survives disconnects for 7 days: the broker keeps what cloud-core has not acknowledged. */
    static final long SESSION_EXPIRY_SECONDS = 7L * 24 * 3600;
    private static final Logger LOG = Logger.getLogger(BrokerLink.class.getName());
    private static final long FIRST_DELAY_MS = 250;
    private static final long MAX_DELAY_MS = 15_000;

    private final Vertx vertx;
    private final Context context;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final Inbound inbound;
    private final Supplier<Future<Void>> onConnect;
    private final Promise<Void> firstReady = Promise.promise();
    private final AtomicInteger epoch = new AtomicInteger();
    private int failures;
    private boolean retryScheduled;
    private volatile boolean stopped;

    private BrokerLink(Vertx vertx, MqttAsyncClient client, MqttConnectionOptions options, Inbound inbound,
                       Supplier<Future<Void>> onConnect) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = client;
        this.options = options;
        this.inbound = inbound;
        this.onConnect = onConnect;
    }

    /**
     * A client with a durable session (clean start false, 7-day expiry) and manual acknowledgements, letting the
     * broker send at most {@code receiveMaximum} unacknowledged messages. {@code onConnect} gets the link.
     */
    static BrokerLink durable(Vertx vertx, BrokerEndpoint endpoint, String clientId, int receiveMaximum,
                              Inbound inbound, Function<BrokerLink, Future<Void>> onConnect)
            throws MqttException {
        MqttConnectionOptions options = options(endpoint);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setReceiveMaximum(receiveMaximum);
        MqttAsyncClient client = new MqttAsyncClient(endpoint.url(), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        BrokerLink[] self = new BrokerLink[1];
        self[0] = new BrokerLink(vertx, client, options, inbound, () -> onConnect.apply(self[0]));
        client.setCallback(self[0]);
        return self[0];
    }

    /** A client with a fresh session at every connect, for publishing only. */
    static BrokerLink publisher(Vertx vertx, BrokerEndpoint endpoint, String clientId) throws MqttException {
        MqttConnectionOptions options = options(endpoint);
        options.setCleanStart(true);
        MqttAsyncClient client = new MqttAsyncClient(endpoint.url(), clientId, new MemoryPersistence());
        BrokerLink link = new BrokerLink(vertx, client, options, (epoch, topic, message) -> { },
                Future::succeededFuture);
        client.setCallback(link);
        return link;
    }

    private static MqttConnectionOptions options(BrokerEndpoint endpoint) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setSocketFactory(endpoint.sockets());
        if (!endpoint.username().isEmpty()) {
            options.setUserName(endpoint.username());
        }
        if (!endpoint.password().isEmpty()) {
            options.setPassword(endpoint.passwordBytes());
        }
        return options;
    }

    /** Starts connecting; the future completes after the first connect whose {@code onConnect} succeeded. */
    Future<Void> start() {
        connect();
        return firstReady.future();
    }

    /** The Paho client, for publishing and acknowledging. */
    MqttAsyncClient client() {
        return client;
    }

    /** The current connection's epoch: it changes at every connect attempt and every lost connection. */
    int epoch() {
        return epoch.get();
    }

    /** The context futures of this link complete on. */
    Context context() {
        return context;
    }

    /** True until {@link #stop} was called. */
    boolean running() {
        return !stopped;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        // A new epoch before the connection exists, so that every message it delivers carries it; it changes again
        // when the connection is lost, so an acknowledgement can never reach a later connection.
        epoch.incrementAndGet();
        PahoCompletion connected = new PahoCompletion(context, "connect");
        try {
            client.connect(options, null, connected);
        } catch (MqttException | RuntimeException e) {
            connected.fail(e);
        }
        connected.future().compose(done -> onConnect.get()).onSuccess(done -> {
            failures = 0;
            firstReady.tryComplete();
        }).onFailure(cause -> {
            LOG.info("MQTT client " + client.getClientId() + " not connected to " + client.getServerURI() + ": "
                    + cause.getMessage());
            if (client.isConnected()) {
                disconnect().onComplete(done -> retryLater());
            } else {
                retryLater();
            }
        });
    }

    // Runs on the link's context only; one retry is pending at a time, however many failures report it.
    private void retryLater() {
        if (stopped || retryScheduled) {
            return;
        }
        retryScheduled = true;
        long ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(failures++, 10));
        long delay = 1 + ThreadLocalRandom.current().nextLong(ceiling);
        vertx.setTimer(delay, id -> {
            retryScheduled = false;
            connect();
        });
    }

    private Future<Void> disconnect() {
        PahoCompletion done = new PahoCompletion(context, "disconnect");
        try {
            client.disconnect(null, done);
            return done.future();
        } catch (MqttException e) {
            return done.fail(e);
        }
    }

    /** Disconnects (unacknowledged messages stay with the broker's session) and releases the client. */
    Future<Void> stop() {
        stopped = true;
        epoch.incrementAndGet();
        return vertx.executeBlocking(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnect(1000).waitForCompletion(5000);
                }
            } catch (MqttException e) {
                client.disconnectForcibly(0, 1000, false);
            }
            client.close(true);
            return null;
        });
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        epoch.incrementAndGet();
        LOG.info("MQTT client " + client.getClientId() + " lost its connection: " + response.getReasonString()
                + (response.getException() == null ? "" : " (" + response.getException().getMessage() + ")"));
        context.runOnContext(v -> retryLater());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warning("MQTT client " + client.getClientId() + ": " + exception.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        inbound.arrived(epoch.get(), topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // publishes complete through their own listeners
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // handled by the connect listener, off Paho's callback thread
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
