package dev.waymark.hub.internal;

import dev.waymark.protocol.TopicKind;
import dev.waymark.protocol.Topics;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The hub's link to the cloud broker (DESIGN.md section 4, step 5). Uplink: the outbox is published in id order,
 * QoS 1, with at most {@code window} messages in flight and at most {@code perSecond} a second, and a row is
 * deleted only after a PUBACK below 0x80; a refusal keeps the row and retries it after a pause; a lost link (or a
 * failed first connect) retries with jittered exponential backoff and resends from the oldest row. Downlink: the
 * store's actions, commands and bundle are published into the local broker and acknowledged upstream only after
 * the local broker took them (manual acks). All state lives on one thread.
 */
public final class HubBridge implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HubBridge.class.getName());
    // A week: the upstream keeps the hub's session and its queued downlinks through any plausible outage.
    private static final long SESSION_EXPIRY_SECONDS = 7L * 24 * 3600;
    private static final long BACKOFF_BASE_MS = 500;
    private static final long BACKOFF_MAX_MS = 30_000;
    private static final long REFUSAL_PAUSE_MS = 2_000;

    private final BridgeSettings settings;
    private final HubOutbox outbox;
    private final LocalBroker local;
    private final HubCounters counters;
    private final RandomGenerator jitter;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-bridge");
        t.setDaemon(true);
        return t;
    });
    private final DrainRate rate;
    private Optional<HubStatusMessages> status = Optional.empty();
    private Optional<StoreLinkAnnouncer> announcer = Optional.empty();
    private Optional<MqttAsyncClient> client = Optional.empty();
    private volatile boolean linkUp;
    private boolean closed;
    private boolean reading;
    private int epoch;
    private int attempts;
    private int inFlight;
    private int window;
    private long cursor;
    private long pausedUntil;

    /** What the bridge needs to know. */
    public record BridgeSettings(String url, String clientId, String storeId, SocketFactory sockets, int window,
                                 int perSecond) {
    }

    /** A bridge; nothing happens before {@link #start()}. */
    public HubBridge(BridgeSettings settings, HubOutbox outbox, LocalBroker local, HubCounters counters,
                     RandomGenerator jitter) {
        this.settings = settings;
        this.outbox = outbox;
        this.local = local;
        this.counters = counters;
        this.jitter = jitter;
        this.rate = new DrainRate(settings.perSecond());
    }

    /**
     * Connects (retrying until it works) and starts forwarding; publishes the hub's status and its device report on
     * every connect and every {@code statusPeriod}, with its "offline" status as last will; announces every change
     * of the link to the store's kiosks through {@code announcer}, starting with "down".
     */
    void start(HubStatusMessages status, Duration statusPeriod, StoreLinkAnnouncer announcer) {
        this.status = Optional.of(status);
        this.announcer = Optional.of(announcer);
        announcer.linkChanged(false);
        outbox.onAppended(() -> post(this::pump));
        post(this::connect);
        thread.scheduleAtFixedRate(this::publishStatus, statusPeriod.toMillis(), statusPeriod.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void publishStatus() {
        if (!linkUp || status.isEmpty()) {
            return;
        }
        try {
            MqttMessage message = new MqttMessage(status.get().current());
            message.setQos(1);
            message.setRetained(true);
            client.orElseThrow().publish(status.get().topic(), message);
            // Not retained, and on the events topic: shared subscribers in the cloud get no retained messages.
            MqttMessage report = new MqttMessage(status.get().report(linkUp));
            report.setQos(1);
            client.orElseThrow().publish(status.get().reportTopic(), report);
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.INFO, "hub status not published: " + e.getMessage());
        }
    }

    /** True while connected upstream. */
    public boolean linkUp() {
        return linkUp;
    }

    private void connect() {
        if (closed) {
            return;
        }
        int myEpoch = ++epoch;
        try {
            MqttAsyncClient next = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
            next.setManualAcks(true);
            next.setCallback(new BridgeCallback(
                    reason -> post(() -> lost(myEpoch, reason)),
                    (id, topic, message) -> downlink(myEpoch, id, topic, message)));
            client = Optional.of(next);
            next.connect(options(), null, BridgeCallback.listener(
                    token -> post(() -> connected(myEpoch, token)),
                    failure -> post(() -> lost(myEpoch, "connect failed: " + failure.getMessage()))));
        } catch (MqttException | RuntimeException e) {
            lost(myEpoch, "connect failed: " + e.getMessage());
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setSocketFactory(settings.sockets());
        // Persisted QoS 1 publishes and topic aliases do not mix in Paho (DESIGN.md section 12).
        options.setTopicAliasMaximum(0);
        status.ifPresent(s -> {
            MqttMessage will = new MqttMessage(s.lastWill());
            will.setQos(1);
            will.setRetained(true);
            options.setWill(s.topic(), will);
        });
        return options;
    }

    private void connected(int myEpoch, IMqttToken token) {
        if (myEpoch != epoch || closed) {
            return;
        }
        // Paho refuses publishes beyond the server's receive maximum (HiveMQ's default is 10), so the window stays
        // below what the upstream granted in its CONNACK, two slots kept for the hub's status and report.
        Integer granted = token.getResponseProperties() == null ? null
                : token.getResponseProperties().getReceiveMaximum();
        window = Math.max(1, Math.min(settings.window(), (granted == null ? 65_535 : granted) - 2));
        linkUp = true;
        announcer.ifPresent(a -> a.linkChanged(true));
        attempts = 0;
        inFlight = 0;
        cursor = 0;
        LOG.log(Level.INFO, "bridge connected to " + settings.url() + ", window " + window);
        String store = settings.storeId();
        try {
            client.orElseThrow().subscribe(new String[] {Topics.storeDevicesFilter(TopicKind.ACTIONS, store),
                Topics.storeDevicesFilter(TopicKind.CMD, store), Topics.bundle(store)}, new int[] {1, 1, 1});
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "downlink subscribe failed: " + e.getMessage());
        }
        publishStatus();
        pump();
    }

    private void lost(int myEpoch, String reason) {
        if (myEpoch != epoch || closed) {
            return;
        }
        if (linkUp) {
            LOG.log(Level.WARNING, "bridge link lost: " + reason);
        } else {
            LOG.log(Level.INFO, "bridge cannot reach " + settings.url() + ": " + reason);
        }
        linkUp = false;
        announcer.ifPresent(a -> a.linkChanged(false));
        retire();
        long ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS << Math.min(attempts, 10));
        attempts++;
        long delay = ceiling / 2 + (long) (jitter.nextDouble() * ceiling / 2);
        later(this::connect, delay);
    }

    private void retire() {
        epoch++;
        client.ifPresent(old -> {
            try {
                old.disconnectForcibly(0, 100, false);
            } catch (MqttException ignored) {
                // already down
            }
            try {
                old.close(true);
            } catch (MqttException ignored) {
                // the next client brings its own resources
            }
        });
        client = Optional.empty();
    }

    private void pump() {
        long now = System.currentTimeMillis();
        if (!linkUp || closed || reading || inFlight >= window || now < pausedUntil) {
            return;
        }
        int allowed = rate.take(window - inFlight, now);
        if (allowed == 0) {
            later(this::pump, rate.waitMillis(now));
            return;
        }
        reading = true;
        int myEpoch = epoch;
        outbox.readAfter(cursor, allowed).whenComplete((rows, failure) -> post(() -> {
            reading = false;
            if (failure != null) {
                LOG.log(Level.ERROR, "cannot read the hub outbox: " + failure.getMessage());
                later(this::pump, REFUSAL_PAUSE_MS);
            } else if (myEpoch == epoch) {
                rate.giveBack(allowed - rows.size());
                publish(myEpoch, rows);
            }
        }));
    }

    private void publish(int myEpoch, List<HubOutbox.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        MqttAsyncClient c = client.orElseThrow();
        try {
            for (HubOutbox.Row row : rows) {
                MqttMessage message = new MqttMessage(row.payload());
                message.setQos(1);
                message.setRetained(row.retained());
                c.publish(row.topic(), message, null, BridgeCallback.listener(
                        token -> post(() -> acknowledged(myEpoch, row, token)),
                        failure -> post(() -> publishFailed(myEpoch))));
                inFlight++;
                cursor = row.id();
            }
        } catch (MqttException e) {
            lost(myEpoch, "publish failed: " + e.getMessage());
            return;
        }
        pump();
    }

    private void acknowledged(int myEpoch, HubOutbox.Row row, IMqttToken token) {
        int[] codes = token.getReasonCodes();
        int code = codes == null || codes.length == 0 ? 0 : codes[0];
        if (code >= 0x80) {
            counters.upstreamRefusals.incrementAndGet();
            LOG.log(Level.WARNING, "upstream refused outbox row " + row.id() + " on " + row.topic()
                    + " with reason code 0x" + Integer.toHexString(code) + "; kept for retry");
            if (myEpoch == epoch) {
                cursor = Math.min(cursor, row.id() - 1);
                pausedUntil = System.currentTimeMillis() + REFUSAL_PAUSE_MS;
                later(this::pump, REFUSAL_PAUSE_MS);
            }
        } else {
            counters.forwarded.incrementAndGet();
            outbox.delete(row.id());
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

    private void downlink(int myEpoch, int messageId, String topic, MqttMessage message) {
        boolean retained = Topics.parse(topic).acceptedValue().filter(t -> t.kind() == TopicKind.BUNDLE).isPresent();
        OptionalLong expiry = message.getProperties() == null
                || message.getProperties().getMessageExpiryInterval() == null ? OptionalLong.empty()
                : OptionalLong.of(message.getProperties().getMessageExpiryInterval());
        local.publish(topic, message.getPayload(), retained, expiry).whenComplete((ok, failure) -> post(
                () -> afterDownlink(myEpoch, messageId, topic, message, failure)));
    }

    private void afterDownlink(int myEpoch, int messageId, String topic, MqttMessage message, Throwable failure) {
        if (failure != null) {
            // Not acknowledged: the upstream redelivers it after the next reconnect.
            LOG.log(Level.WARNING, "downlink on " + topic + " not delivered locally: " + failure);
            return;
        }
        counters.downlinks.incrementAndGet();
        if (myEpoch == epoch) {
            try {
                client.orElseThrow().messageArrivedComplete(messageId, message.getQos());
            } catch (MqttException | RuntimeException e) {
                LOG.log(Level.INFO, "downlink ack not sent: " + e.getMessage());
            }
        }
    }

    // Paho and the outbox call in from their own threads, also while the bridge shuts down: drop their calls then.
    private void post(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            // the bridge is closed; nothing is lost, the outbox keeps every row not acknowledged
        }
    }

    private void later(Runnable task, long delayMillis) {
        try {
            thread.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the bridge is closed
        }
    }

    @Override
    public void close() {
        try {
            thread.submit(() -> {
                closed = true;
                linkUp = false;
                retire();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the bridge: " + e);
        }
        thread.shutdownNow();
    }
}
