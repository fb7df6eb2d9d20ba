package dev.waymark.cloud.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub publishes a stream while the whole gateway (broker and ingest) is stopped and started again on the same data
 * folder: every event the hub got a PUBACK for must end up in the log, at least once.
 */
class GatewayRestartIT {

    private static final int EVENTS = 300;
    private static final String SOURCE = "wm:/s/s1/d/k1";

    @TempDir
    Path folder;

    @Test
    void restart_midStream_losesNoAcknowledgedEvent() throws Exception {
        Vertx vertx = Vertx.vertx();
        JdbcStore store = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("cloud.db"), 2);
        EventLog log = new StoreEventLog(vertx, store);
        LogTap tap = new LogTap(log, "test");
        GatewayPki pki = new GatewayPki();
        int port = freePort();
        GatewaySettings settings = GatewaySettings.from(new JsonObject().put("port", port)
                .put("dataDir", folder.resolve("gateway").toString())
                .put("serverNames", new JsonArray().add("127.0.0.1")));
        Gateway underTest = start(new Gateway(vertx, log, new SimpleMeterRegistry(), settings, pki.ca(), c -> false));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        HubLink hub = new HubLink("ssl://127.0.0.1:" + port, "hub-1", pki.tls(pki.hub("s1", "hub-1")));
        try {
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> publishAll(hub, acknowledged));

            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= EVENTS / 4);
            stop(underTest);
            underTest = start(new Gateway(vertx, log, new SimpleMeterRegistry(), settings, pki.ca(), c -> false));
            stream.get(180, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(idsInLog(tap).keySet()).containsAll(acknowledged));
            Map<String, Integer> copies = idsInLog(tap);
            long duplicates = copies.values().stream().mapToInt(n -> n - 1).sum();
            System.out.println("restart: " + acknowledged.size() + " events acknowledged to the hub, "
                    + copies.size() + " distinct in the log, " + duplicates + " duplicates");
            assertThat(acknowledged).hasSize(EVENTS);
            assertThat(copies.keySet()).containsAll(acknowledged);
        } finally {
            hub.close();
            stop(underTest);
            log.close();
            store.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    // One event at a time: a publish that failed (broker gone) is sent again, with the same id, once reconnected.
    private static void publishAll(HubLink hub, Set<String> acknowledged) {
        for (CloudEvent event : HubEvents.events("s1", "k1", 0, EVENTS)) {
            byte[] payload = HubEvents.CODEC.encode(event);
            boolean done = false;
            while (!done) {
                try {
                    done = hub.connected().publish(Topics.events("s1", "k1"), payload) < 0x80;
                } catch (MqttException e) {
                    hub.drop();
                }
            }
            acknowledged.add(event.id());
        }
    }

    /** A hub's connection, made again (same client id and session) whenever it was dropped. */
    private static final class HubLink {
        private final String url;
        private final String clientId;
        private final SocketFactory sockets;
        private HubClient client;

        HubLink(String url, String clientId, SocketFactory sockets) {
            this.url = url;
            this.clientId = clientId;
            this.sockets = sockets;
        }

        synchronized HubClient connected() {
            if (client == null || !client.isConnected()) {
                drop();
                AtomicReference<HubClient> made = new AtomicReference<>();
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                    made.set(HubClient.connect(url, clientId, sockets, true));
                    return true;
                });
                client = made.get();
            }
            return client;
        }

        synchronized void drop() {
            if (client != null) {
                client.close();
                client = null;
            }
        }

        void close() {
            drop();
        }
    }

    private static Map<String, Integer> idsInLog(LogTap tap) {
        Map<String, Integer> copies = new HashMap<>();
        for (String value : tap.valuesOf(SOURCE)) {
            copies.merge(new JsonObject(value).getString("id"), 1, Integer::sum);
        }
        return copies;
    }

    private static Gateway start(Gateway gateway) throws Exception {
        gateway.start().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        return gateway;
    }

    private static void stop(Gateway gateway) throws Exception {
        gateway.stop().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
