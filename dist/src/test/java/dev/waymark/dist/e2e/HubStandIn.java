package dev.waymark.dist.e2e;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.ScreenView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Store hubs played by one Paho client: QoS 1 screen views of many kiosks on {@code wm/v1/s/{store}/d/{device}/events}
 * at a steady rate, one kiosk session per device, each event in its own message. It records, per device, the
 * events the broker acknowledged (PUBACK below 0x80) and counts the publishes that failed.
 */
final class HubStandIn implements AutoCloseable {

    /** A device and its one kiosk session; the cloud's profile of it is {@code kiosk_session} {@link #session()}. */
    record Device(String store, String device) {

        String session() {
            return store + "/" + device + "/" + SESSION;
        }
    }

    private static final String SESSION = "s-1";
    private static final EventCodec CODEC = EventCodec.create();
    /** Paho refuses publishes beyond the broker's receive maximum; this stays below Mosquitto's in-flight 20. */
    private static final int WINDOW = 16;
    private static final long TICK_MS = 10;

    private final MqttAsyncClient client;
    private final List<Device> devices;
    private final Map<Device, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final Map<Device, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final Semaphore window = new Semaphore(WINDOW);
    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), RandomGenerator.getDefault());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private int next;

    private HubStandIn(MqttAsyncClient client, List<Device> devices) {
        this.client = client;
        this.devices = List.copyOf(devices);
        devices.forEach(device -> {
            sequences.put(device, new AtomicLong());
            acknowledged.put(device, new AtomicLong());
        });
    }

    /** Connects to {@code url} and publishes {@code perSecond} events in all, round robin over {@code devices}. */
    static HubStandIn start(String url, List<Device> devices, int perSecond) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "hub-stand-in", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        client.connect(options).waitForCompletion(15_000);
        HubStandIn hubs = new HubStandIn(client, devices);
        long perTick = Math.max(1, perSecond * TICK_MS / 1000);
        hubs.ticker.scheduleAtFixedRate(() -> hubs.publish(perTick), 0, TICK_MS, TimeUnit.MILLISECONDS);
        return hubs;
    }

    /** Stops publishing and waits for the outstanding acknowledgements. */
    void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS);
    }

    /** Events the broker acknowledged, per device. */
    Map<Device, Long> acknowledged() {
        Map<Device, Long> counts = new TreeMap<>((a, b) -> a.session().compareTo(b.session()));
        acknowledged.forEach((device, count) -> counts.put(device, count.get()));
        return counts;
    }

    /** Events acknowledged in all. */
    long acknowledgedTotal() {
        return acknowledged.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Publishes that failed or were refused; the test needs none. */
    long failed() {
        return failed.get();
    }

    private void publish(long count) {
        for (long i = 0; i < count; i++) {
            Device device = devices.get(next++ % devices.size());
            if (!window.tryAcquire()) {
                return; // the broker is behind: the rate drops rather than queueing without bound
            }
            CloudEvent event = CloudEvent.of(ids.next(), Source.device(device.store(), device.device()),
                    Instant.now(), sequences.get(device).incrementAndGet(), new ScreenView(SESSION, "home"));
            MqttMessage message = new MqttMessage(CODEC.encode(event));
            message.setQos(1);
            try {
                client.publish(Topics.events(device.store(), device.device()), message, null,
                        new MqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken token) {
                                int[] codes = token.getReasonCodes();
                                if (codes == null || codes.length == 0 || codes[0] < 0x80) {
                                    acknowledged.get(device).incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                }
                                window.release();
                            }

                            @Override
                            public void onFailure(IMqttToken token, Throwable cause) {
                                failed.incrementAndGet();
                                window.release();
                            }
                        });
            } catch (MqttException | RuntimeException e) {
                failed.incrementAndGet();
                window.release();
            }
        }
    }

    @Override
    public void close() throws MqttException {
        ticker.shutdownNow();
        if (client.isConnected()) {
            client.disconnect(2000).waitForCompletion(3000);
        }
        client.close(true);
    }
}
