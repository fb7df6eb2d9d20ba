package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.testing.EnrolledHub;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.cloud.testing.RunningCloud;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.ConsentState;
import dev.waymark.protocol.event.ConsentUpdate;
import dev.waymark.protocol.event.ProductView;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarting the cloud core while a hub streams loses nothing it acknowledged and applies nothing twice. */
class CloudRestartIT {

    private static final int EVENTS = 300;
    private static final EventCodec CODEC = EventCodec.create();
    private static final AtomicInteger CONNECTS = new AtomicInteger();

    @TempDir
    Path dir;

    @Test
    void restartMidStream_everyAcknowledgedEventIsProcessedExactlyOnce() throws Exception {
        try (RunningCloud running = RunningCloud.start(dir.resolve("cloud"))) {
            String adminKey = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD)
                    .secretKey();
            EnrolledHub hub = EnrolledHub.enroll(running.cloud().provisioningPort(),
                    running.cloud().caFingerprint(), adminKey, "s1", dir.resolve("hub"));
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            CountDownLatch stopped = new CountDownLatch(1);
            CONNECTS.set(0);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> stream(running, hub, acknowledged,
                    stopped));

            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= EVENTS / 3);
            running.stop();
            stopped.countDown();
            running.restart();
            stream.get();

            assertThat(acknowledged).hasSize(EVENTS);
            assertThat(CONNECTS.get()).as("the stream was cut by the restart").isGreaterThan(1);
            Path database = running.settings().dataDir().resolve("cloud.db");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(processedIds(database)).containsExactlyInAnyOrderElementsOf(acknowledged));
        }
    }

    @Test
    void cartAbandonmentTimer_setBeforeRestart_firesAfterItAndTheOfferReachesTheKiosk() throws Exception {
        try (RunningCloud running = RunningCloud.start(dir.resolve("cloud"))) {
            String adminKey = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD)
                    .secretKey();
            EnrolledHub hub = EnrolledHub.enroll(running.cloud().provisioningPort(),
                    running.cloud().caFingerprint(), adminKey, "s1", dir.resolve("hub"));
            UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
            // The default pattern waits 30 minutes after the last cart add; captured 29.5 minutes ago, it is due
            // in 30 seconds, after the restart below.
            Instant captured = Instant.now().minus(Duration.ofMinutes(30)).plusSeconds(30);
            CloudEvent consent = CloudEvent.of(ids.next(), Source.device("s1", "k4"), captured, 1,
                    new ConsentUpdate("sess-cart", "marketing", "kiosk", ConsentState.GRANTED, Optional.empty()));
            CloudEvent cartAdd = CloudEvent.of(ids.next(), Source.device("s1", "k4"), captured, 2,
                    new CartAdd("sess-cart", "SKU-77", "shoes", 1, 6_000, "EUR"));
            try (HubClient client = HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets(), true)) {
                assertThat(client.subscribe(Topics.actions("s1", "k4"))).isLessThan(0x80);
                assertThat(client.publish(Topics.events("s1", "k4"), CODEC.encode(consent))).isLessThan(0x80);
                assertThat(client.publish(Topics.events("s1", "k4"), CODEC.encode(cartAdd))).isLessThan(0x80);
            }
            Path database = running.settings().dataDir().resolve("cloud.db");
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingTimers(database) == 1);

            running.stop();
            running.restart();

            try (HubClient client = HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets(), true)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> !client.received().isEmpty());
                assertThat(new String(client.received().get(0).payload(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("cart-rescue-10");
            }
            assertThat(pendingTimers(database)).isZero();
        }
    }

    private static long pendingTimers(Path database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM journey_timers")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // Publishes EVENTS product views in sequence; a publish that fails is retried, as the same event, once the hub
    // is connected again, like a hub's bridge retries its outbox rows. The last third waits until the cloud has
    // stopped, so that however fast the first two go, the stop cuts the stream (the stop may also cut a publish).
    private static void stream(RunningCloud running, EnrolledHub hub, List<String> acknowledged,
            CountDownLatch stopped) {
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
        HubClient client = null;
        try {
            for (int sequence = 1; sequence <= EVENTS; sequence++) {
                if (sequence == EVENTS * 2 / 3 + 1) {
                    awaitQuietly(stopped);
                }
                CloudEvent event = CloudEvent.of(ids.next(), Source.device("s1", "k3"), Instant.now(), sequence,
                        new ProductView("sess-restart", "SKU-" + sequence, "shoes", 4_999, "EUR"));
                byte[] bytes = CODEC.encode(event);
                while (true) {
                    try {
                        if (client == null || !client.isConnected()) {
                            client = reconnect(client, running, hub);
                        }
                        if (client.publish(Topics.events("s1", "k3"), bytes) < 0x80) {
                            acknowledged.add(event.id());
                            break;
                        }
                    } catch (MqttException | RuntimeException e) {
                        client = reconnect(client, running, hub);
                    }
                }
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the cloud did not stop within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HubClient reconnect(HubClient old, RunningCloud running, EnrolledHub hub) {
        if (old != null) {
            old.close();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HubClient client = HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets());
                CONNECTS.incrementAndGet();
                return client;
            } catch (MqttException | RuntimeException e) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
        throw new IllegalStateException("the hub could not reconnect within 120 s");
    }

    private static Set<String> processedIds(Path database) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement select = c.prepareStatement("SELECT id FROM seen_events WHERE source = ?")) {
            select.setString(1, "wm:/s/s1/d/k3");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
