package dev.waymark.cloud.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.protocol.Topics;
import dev.waymark.provisioning.NoDelaySockets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * The gateway against an external MQTT 5 broker by URL: the machine's Mosquitto on 127.0.0.1:1883 (a broker we do
 * not run; our own brokers never take that port). Skipped, saying so, where no broker listens there.
 */
class ExternalBrokerIT {

    private static final String MOSQUITTO = "tcp://127.0.0.1:1883";

    @TempDir
    Path folder;

    @Test
    void externalBroker_sharedSubscription_ingestsHubEventsIntoTheLog() throws Exception {
        Assumptions.assumeTrue(listening(), "no MQTT broker on 127.0.0.1:1883; external-broker test skipped");
        // Unique names per run: the broker is shared with every other run on this machine.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String store = "ext-" + run;
        Vertx vertx = Vertx.vertx();
        JdbcStore db = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("cloud.db"), 2);
        StoreEventLog log = new StoreEventLog(vertx, db);
        LogTap tap = new LogTap(log, "test");
        Gateway underTest = new Gateway(vertx, log, new SimpleMeterRegistry(), GatewaySettings.from(new JsonObject()
                .put("embedded", false).put("url", MOSQUITTO).put("shareGroup", "wm-test-" + run)
                .put("clientId", "wm-test-" + run)), new GatewayPki().ca(), certificate -> false);
        try {
            underTest.start().await(30, TimeUnit.SECONDS);
            underTest.ready().await(30, TimeUnit.SECONDS);
            try (HubClient hub = HubClient.connect(MOSQUITTO, "wm-test-hub-" + run, NoDelaySockets.plain())) {
                for (int sequence = 1; sequence <= 20; sequence++) {
                    assertThat(hub.publish(Topics.events(store, "k1"), HubEvents.single(store, "k1", sequence)))
                            .isLessThan(0x80);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> tap.valuesOf("wm:/s/" + store + "/d/k1").size() >= 20);
            assertThat(tap.valuesOf("wm:/s/" + store + "/d/k1")).hasSize(20);
        } finally {
            underTest.stop().await(30, TimeUnit.SECONDS);
            db.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
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
