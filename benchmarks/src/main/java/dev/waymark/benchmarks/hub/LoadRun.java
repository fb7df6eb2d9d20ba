package dev.waymark.benchmarks.hub;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.TopicKind;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.ScreenView;
import dev.waymark.provisioning.NoDelaySockets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import javax.net.SocketFactory;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * N kiosk publishers (Paho, QoS 1, one single-event batch per message) and one subscriber on the upstream broker:
 * messages per second delivered, and the time from publish to delivery. Paced: each kiosk sends {@code rate}
 * messages a second. Saturating: each kiosk keeps {@code window} messages in flight.
 */
final class LoadRun {

    /** What one run measured. */
    record Result(double deliveredPerSecond, Histogram latencyMicros, long sent, long refused) {
    }

    private static final EventCodec CODEC = EventCodec.create();
    private static final String SEQ = "\"wmseq\":";

    private final String publishUrl;
    private final String subscribeUrl;
    private final List<SocketFactory> kioskSockets;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(3);
    private final AtomicLong delivered = new AtomicLong();

    LoadRun(String publishUrl, String subscribeUrl, List<SocketFactory> kioskSockets) {
        this.publishUrl = publishUrl;
        this.subscribeUrl = subscribeUrl;
        this.kioskSockets = kioskSockets;
    }

    Result run(int seconds, int ratePerKiosk, int window, String label) throws Exception {
        MqttAsyncClient subscriber = subscriber(label);
        List<MqttAsyncClient> kiosks = new ArrayList<>();
        for (int i = 0; i < kioskSockets.size(); i++) {
            kiosks.add(connect(publishUrl, "kiosk-" + i, kioskSockets.get(i), null));
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), RandomGenerator.getDefault());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> drivers = new ArrayList<>();
        long startDelivered = delivered.get();
        latency.getIntervalHistogram();
        long start = System.nanoTime();
        for (int k = 0; k < kiosks.size(); k++) {
            MqttAsyncClient kiosk = kiosks.get(k);
            String device = "kiosk-" + k;
            Semaphore inFlight = new Semaphore(window);
            long[] sequence = {0};
            Runnable sendOne = () -> {
                long seq = sequence[0]++;
                byte[] payload = CODEC.encodeBatch(List.of(CloudEvent.of(ids.next(),
                        Source.device(BenchPki.STORE, device), Instant.now(), seq, new ScreenView("s-1", "home"))));
                MqttMessage message = new MqttMessage(payload);
                message.setQos(1);
                sentAt.put(device + "/" + seq, System.nanoTime());
                sent.incrementAndGet();
                try {
                    kiosk.publish(Topics.events(BenchPki.STORE, device), message, null, listener(inFlight, refused));
                } catch (MqttException e) {
                    inFlight.release();
                }
            };
            if (ratePerKiosk > 0) {
                pacer.scheduleAtFixedRate(() -> {
                    if (System.nanoTime() < end && inFlight.tryAcquire()) {
                        sendOne.run();
                    }
                }, k * 1000L / kiosks.size(), 1_000_000L / ratePerKiosk, TimeUnit.MICROSECONDS);
            } else {
                Thread driver = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            if (inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                sendOne.run();
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                driver.start();
                drivers.add(driver);
            }
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
        pacer.shutdownNow();
        for (Thread driver : drivers) {
            driver.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long count = delivered.get() - startDelivered;
        Histogram histogram = latency.getIntervalHistogram();
        for (MqttAsyncClient kiosk : kiosks) {
            kiosk.disconnectForcibly(0, 1000, false);
            kiosk.close(true);
        }
        subscriber.disconnectForcibly(0, 1000, false);
        subscriber.close(true);
        sentAt.clear();
        return new Result(count / elapsed, histogram, sent.get(), refused.get());
    }

    private MqttAsyncClient subscriber(String label) throws MqttException {
        MqttAsyncClient client = connect(subscribeUrl, "bench-cloud-" + label, NoDelaySockets.plain(),
                new MqttCallback() {
                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        long now = System.nanoTime();
                        String device = topic.substring(topic.indexOf("/d/") + 3, topic.lastIndexOf('/'));
                        Long at = sentAt.remove(device + "/" + sequenceOf(message.getPayload()));
                        if (at != null) {
                            latency.recordValue(Math.max(1, (now - at) / 1000));
                            delivered.incrementAndGet();
                        }
                    }

                    @Override
                    public void disconnected(MqttDisconnectResponse response) {
                    }

                    @Override
                    public void mqttErrorOccurred(MqttException exception) {
                    }

                    @Override
                    public void deliveryComplete(IMqttToken token) {
                    }

                    @Override
                    public void connectComplete(boolean reconnect, String serverUri) {
                    }

                    @Override
                    public void authPacketArrived(int reasonCode, MqttProperties properties) {
                    }
                });
        client.subscribe(Topics.storeDevicesFilter(TopicKind.EVENTS, BenchPki.STORE), 1)
                .waitForCompletion(10_000);
        return client;
    }

    private static long sequenceOf(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int at = text.indexOf(SEQ) + SEQ.length();
        int stop = at;
        while (stop < text.length() && Character.isDigit(text.charAt(stop))) {
            stop++;
        }
        return Long.parseLong(text.substring(at, stop));
    }

    private static MqttAsyncClient connect(String url, String clientId, SocketFactory sockets, MqttCallback callback)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        if (callback != null) {
            client.setCallback(callback);
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSocketFactory(sockets);
        options.setHttpsHostnameVerificationEnabled(false);
        options.setConnectionTimeout(30);
        client.connect(options).waitForCompletion(30_000);
        return client;
    }

    private static MqttActionListener listener(Semaphore inFlight, AtomicLong refused) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                    refused.incrementAndGet();
                }
                inFlight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                refused.incrementAndGet();
                inFlight.release();
            }
        };
    }
}
