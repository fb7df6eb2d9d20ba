package dev.waymark.edge.internal;

import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.DeviceConfig;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Drains the outbox to the hub over MQTT v5 and receives the downlink. Everything runs on one thread
 * ({@code edge-uplink}); Paho's callbacks only hand work to it, so no Paho callback ever blocks or subscribes.
 *
 * <ul>
 *   <li>Each connection is a new Paho client with memory persistence but the same client id, clean start false and
 *   a session expiry, so the broker keeps our subscriptions and queued downlink while we are away. After every
 *   (re)connect the outbox is published again from its oldest row: the outbox, not Paho, is the persistence, and
 *   the hub drops the duplicates by event id.</li>
 *   <li>A row is deleted only on a PUBACK below 0x80; a refusal keeps it, is counted, and pauses the uplink.</li>
 *   <li>In-flight batches never exceed the broker's Receive Maximum (Paho has no such limit and fails with 32202).</li>
 *   <li>Reconnects use jittered exponential backoff, also after a failed first connect.</li>
 * </ul>
 */
final class Uplink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Uplink.class.getName());
    private static final int MAX_WINDOW = 32;
    private static final int MAX_BATCH_EVENTS = 100;
    private static final int MAX_BATCH_BYTES = 256_000;
    private static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(7).toSeconds();
    private static final long BACKOFF_BASE_MS = 200;
    private static final long BACKOFF_MAX_MS = 5_000;
    private static final long REFUSAL_PAUSE_MS = 5_000;

    private final DeviceConfig config;
    private final SocketFactory sockets;
    private final OutboxReader reader;
    private final OutboxWriter writer;
    private final StatusMessages status;
    private final BiConsumer<String, byte[]> downlink;
    private final RandomGenerator jitter;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "edge-uplink"));
    private final String eventsTopic;
    private final AtomicLong refused = new AtomicLong();
    private Optional<MqttAsyncClient> client = Optional.empty();
    private volatile boolean connected;
    private boolean closed;
    private int epoch;
    private int attempts;
    private int window;
    private int inFlight;
    private long cursor = -1;
    private long pausedUntil;

    Uplink(DeviceConfig config, SocketFactory sockets, OutboxReader reader, OutboxWriter writer,
           StatusMessages status, BiConsumer<String, byte[]> downlink, RandomGenerator jitter) {
        this.config = config;
        this.sockets = sockets;
        this.reader = reader;
        this.writer = writer;
        this.status = status;
        this.downlink = downlink;
        this.jitter = jitter;
        this.eventsTopic = Topics.events(config.storeId(), config.deviceId());
    }

    void start(Duration heartbeat) {
        thread.execute(this::connect);
        thread.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Publishes what was committed since the last call, if connected. */
    void nudge() {
        thread.execute(this::pump);
    }

    /** Runs {@code task} on the uplink thread. */
    void execute(Runnable task) {
        thread.execute(task);
    }

    boolean connected() {
        return connected;
    }

    long refused() {
        return refused.get();
    }

    /** Publishes the status now (the {@code status-report} command and heartbeats). */
    void reportStatus() {
        thread.execute(this::heartbeat);
    }

    /** Subscribes to the bundle topic again, so the broker delivers the retained bundle anew. */
    void refreshBundle() {
        thread.execute(() -> client.filter(c -> connected).ifPresent(c -> {
            String topic = Topics.bundle(config.storeId());
            try {
                c.unsubscribe(topic);
                c.subscribe(topic, 1);
            } catch (MqttException e) {
                LOG.log(Level.WARNING, "bundle refresh failed: " + e.getMessage());
            }
        }));
    }

    private void connect() {
        if (closed) {
            return;
        }
        int myEpoch = ++epoch;
        try {
            MqttAsyncClient next = new MqttAsyncClient(config.hubAddress(), config.deviceId(), new MemoryPersistence());
            next.setCallback(new UplinkCallback(thread, myEpoch, this::lost, this::arrived));
            client = Optional.of(next);
            next.connect(options(), null, listener(t -> connected(myEpoch, t), e -> connectFailed(myEpoch, e)));
        } catch (MqttException | RuntimeException e) {
            connectFailed(myEpoch, e);
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setSocketFactory(sockets);
        // Our trust manager checks that the hub's certificate names this store; the hub's host name may be an IP.
        options.setHttpsHostnameVerificationEnabled(false);
        // Topic aliases stay off: Paho mishandles persisted QoS 1 publishes that used an alias (DESIGN.md 12).
        options.setTopicAliasMaximum(0);
        options.setWill(Topics.status(config.storeId(), config.deviceId()), status.lastWill());
        return options;
    }

    private void connected(int myEpoch, IMqttToken token) {
        if (myEpoch != epoch || closed) {
            return;
        }
        Integer receiveMaximum = token.getResponseProperties() == null ? null
                : token.getResponseProperties().getReceiveMaximum();
        window = Math.min(MAX_WINDOW, receiveMaximum == null ? 65_535 : receiveMaximum);
        inFlight = 0;
        cursor = -1;
        attempts = 0;
        connected = true;
        LOG.log(Level.INFO, "connected to " + config.hubAddress() + ", window " + window);
        MqttAsyncClient c = client.orElseThrow();
        try {
            // The store link is retained: its current state arrives after every (re)connect.
            c.subscribe(new String[] {Topics.actions(config.storeId(), config.deviceId()),
                Topics.cmd(config.storeId(), config.deviceId()), Topics.bundle(config.storeId()),
                Topics.link(config.storeId())}, new int[] {1, 1, 1, 1});
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "subscribe failed: " + e.getMessage());
        }
        heartbeat();
        pump();
    }

    private void connectFailed(int myEpoch, Throwable cause) {
        if (myEpoch != epoch || closed) {
            return;
        }
        LOG.log(Level.INFO, "cannot reach " + config.hubAddress() + ": " + cause.getMessage());
        retire();
        scheduleReconnect();
    }

    private void lost(int myEpoch, String reason) {
        if (myEpoch != epoch || closed) {
            return;
        }
        LOG.log(Level.INFO, "connection to the hub lost: " + reason);
        connected = false;
        retire();
        scheduleReconnect();
    }

    private void retire() {
        epoch++;
        connected = false;
        client.ifPresent(old -> {
            try {
                old.disconnectForcibly(0, 100, false);
            } catch (MqttException ignored) {
                // Already down; nothing to release beyond the client itself.
            }
            try {
                old.close(true);
            } catch (MqttException ignored) {
                // Best effort: the next client uses new resources anyway.
            }
        });
        client = Optional.empty();
    }

    private void scheduleReconnect() {
        long ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS << Math.min(attempts, 10));
        attempts++;
        long delay = ceiling / 2 + (long) (jitter.nextDouble() * ceiling / 2);
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void pump() {
        if (!connected || closed || System.currentTimeMillis() < pausedUntil) {
            return;
        }
        MqttAsyncClient c = client.orElseThrow();
        try {
            while (inFlight < window) {
                Optional<OutboxReader.Batch> next = reader.after(cursor, MAX_BATCH_EVENTS, MAX_BATCH_BYTES);
                if (next.isEmpty()) {
                    return;
                }
                OutboxReader.Batch batch = next.get();
                MqttMessage message = new MqttMessage(batch.payload());
                message.setQos(1);
                int myEpoch = epoch;
                c.publish(eventsTopic, message, null, listener(t -> acknowledged(myEpoch, batch, t),
                        e -> publishFailed(myEpoch)));
                inFlight++;
                cursor = batch.to();
            }
        } catch (MqttException e) {
            lost(epoch, "publish failed: " + e.getMessage());
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "cannot read the outbox: " + e.getMessage());
        }
    }

    private void acknowledged(int myEpoch, OutboxReader.Batch batch, IMqttToken token) {
        int[] codes = token.getReasonCodes();
        int code = codes == null || codes.length == 0 ? 0 : codes[0];
        if (code >= 0x80) {
            refused.incrementAndGet();
            LOG.log(Level.WARNING, "the hub refused events " + batch.from() + ".." + batch.to() + " with reason code 0x"
                    + Integer.toHexString(code) + "; kept for retry");
            cursor = Math.min(cursor, batch.from() - 1);
            pausedUntil = System.currentTimeMillis() + REFUSAL_PAUSE_MS;
            thread.schedule(this::pump, REFUSAL_PAUSE_MS, TimeUnit.MILLISECONDS);
        } else {
            writer.delete(batch.from(), batch.to());
        }
        if (myEpoch == epoch) {
            inFlight--;
            pump();
        }
    }

    private void publishFailed(int myEpoch) {
        if (myEpoch == epoch) {
            inFlight--;
        }
    }

    private void heartbeat() {
        client.filter(c -> connected).ifPresent(c -> {
            try {
                c.publish(Topics.status(config.storeId(), config.deviceId()), status.current());
            } catch (MqttException e) {
                LOG.log(Level.INFO, "heartbeat not sent: " + e.getMessage());
            }
        });
    }

    private void arrived(String topic, byte[] payload) {
        try {
            downlink.accept(topic, payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a downlink message on " + topic + " failed: " + e);
        }
    }

    private MqttActionListener listener(Consumer<IMqttToken> success, Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                thread.execute(() -> success.accept(token));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                thread.execute(() -> failure.accept(cause));
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        thread.submit(() -> {
            closed = true;
            retire();
        });
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
