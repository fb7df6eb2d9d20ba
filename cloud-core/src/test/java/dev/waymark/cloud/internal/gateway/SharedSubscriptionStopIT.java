package dev.waymark.cloud.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.protocol.Topics;
import dev.waymark.provisioning.NoDelaySockets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas' gateways in a shared subscription on the machine's Mosquitto 2 (127.0.0.1:1883, as in
 * {@link ExternalBrokerIT}). Mosquitto keeps giving a member that went away its turn, into its durable session;
 * a replica stopped cleanly leaves the share first, so the hubs' traffic goes to the one still running, and appends
 * the events in hand before it disconnects.
 */
class SharedSubscriptionStopIT {

    private static final String MOSQUITTO = "tcp://127.0.0.1:1883";
    private static final int EVENTS = 20;

    @TempDir
    Path folder;

    @Test
    void memberStoppedCleanly_leavesTheShare_soTheOtherMemberIngestsEveryEvent() throws Exception {
        Assumptions.assumeTrue(listening(), "no MQTT broker on 127.0.0.1:1883; shared-subscription test skipped");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String store = "share-" + run;
        Vertx vertx = Vertx.vertx();
        JdbcStore db = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("cloud.db"), 2);
        StoreEventLog log = new StoreEventLog(vertx, db);
        LogTap tap = new LogTap(log, "test");
        Gateway staying = gateway(vertx, log, run, "a");
        Gateway underTest = gateway(vertx, log, run, "b");
        try {
            for (Gateway gateway : new Gateway[] {staying, underTest}) {
                gateway.start().await(30, TimeUnit.SECONDS);
                gateway.ready().await(30, TimeUnit.SECONDS);
            }
            underTest.stop().await(30, TimeUnit.SECONDS);
            try (HubClient hub = HubClient.connect(MOSQUITTO, "wm-test-hub-" + run, NoDelaySockets.plain())) {
                for (int sequence = 1; sequence <= EVENTS; sequence++) {
                    assertThat(hub.publish(Topics.events(store, "k1"), HubEvents.single(store, "k1", sequence)))
                            .isLessThan(0x80);
                }
            }
            // Without leaving the share, every second event would wait in the stopped member's session.
            await().atMost(Duration.ofSeconds(30)).until(() -> tap.valuesOf(source(store)).size() >= EVENTS);
            assertThat(tap.valuesOf(source(store))).hasSize(EVENTS);
        } finally {
            staying.stop().await(30, TimeUnit.SECONDS);
            db.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void memberStoppedWithEventsInHand_appendsAndAcknowledgesThemBeforeItDisconnects() throws Exception {
        Assumptions.assumeTrue(listening(), "no MQTT broker on 127.0.0.1:1883; shared-subscription test skipped");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String store = "share-" + run;
        Vertx vertx = Vertx.vertx();
        JdbcStore db = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("cloud.db"), 2);
        StoreEventLog real = new StoreEventLog(vertx, db);
        RefusingLog log = new RefusingLog(real);
        LogTap tap = new LogTap(real, "test");
        Gateway underTest = gateway(vertx, log, run, "only");
        try {
            underTest.start().await(30, TimeUnit.SECONDS);
            underTest.ready().await(30, TimeUnit.SECONDS);
            try (HubClient hub = HubClient.connect(MOSQUITTO, "wm-test-hub-" + run, NoDelaySockets.plain())) {
                for (int sequence = 1; sequence <= EVENTS; sequence++) {
                    hub.publish(Topics.events(store, "k1"), HubEvents.single(store, "k1", sequence));
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> log.refused() >= EVENTS);
            // Stopping while every event waits for the log: the stop holds the connection until they are appended.
            Future<Void> stopped = underTest.stop();
            log.heal();
            stopped.await(30, TimeUnit.SECONDS);
            // The same replica again: what it had not acknowledged would come back first, ahead of a later event.
            Gateway again = gateway(vertx, real, run, "only");
            try {
                again.start().await(30, TimeUnit.SECONDS);
                again.ready().await(30, TimeUnit.SECONDS);
                try (HubClient hub = HubClient.connect(MOSQUITTO, "wm-test-hub-" + run, NoDelaySockets.plain())) {
                    hub.publish(Topics.events(store, "k2"), HubEvents.single(store, "k2", 1));
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> tap.valuesOf("wm:/s/" + store + "/d/k2").size() == 1);
                assertThat(tap.valuesOf(source(store))).as("appended once each, acknowledged before the stop")
                        .hasSize(EVENTS);
            } finally {
                again.stop().await(30, TimeUnit.SECONDS);
            }
        } finally {
            db.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static Gateway gateway(Vertx vertx, EventLog log, String run, String member) {
        return new Gateway(vertx, log, new SimpleMeterRegistry(), GatewaySettings.from(new JsonObject()
                .put("embedded", false).put("url", MOSQUITTO).put("shareGroup", "wm-test-" + run)
                .put("clientId", "wm-test-" + run + "-" + member)), new GatewayPki().ca(), certificate -> false);
    }

    private static String source(String store) {
        return "wm:/s/" + store + "/d/k1";
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 1883), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
