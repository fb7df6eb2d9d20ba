package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.edge.support.Captures;
import dev.waymark.edge.support.HubStandIn;
import dev.waymark.edge.support.KioskClient;
import dev.waymark.edge.support.LogRecorder;
import dev.waymark.edge.support.TestBroker;
import dev.waymark.edge.support.TestKiosk;
import dev.waymark.edge.support.TestPki;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.event.DeviceStatus;
import dev.waymark.protocol.event.OutcomeImpression;
import io.vertx.core.Vertx;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real embedded HiveMQ broker (plain TCP, dev mode) with a Paho client as the hub. */
class EdgeAgentIT {

    static final Duration PATIENCE = Duration.ofSeconds(40);

    @TempDir
    static Path shared;
    static TestBroker broker;
    static HubStandIn hub;
    static Vertx vertx;
    static LogRecorder logs;

    @TempDir
    Path dir;
    EdgeAgent underTest;
    KioskClient kiosk;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.plain(shared.resolve("broker"));
        logs = LogRecorder.install();
        hub = HubStandIn.connect(broker.tcpAddress(), "hub-stand-in");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        hub.close();
        broker.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(logs.blockedThreadWarnings()).isEmpty();
        logs.close();
    }

    @BeforeEach
    void startAgent() throws Exception {
        hub.clear();
        EdgeSettings settings = TestKiosk.create(dir, TestPki.create("Test CA")).settings(broker.tcpAddress(), true);
        underTest = EdgeAgent.start(vertx, settings, TestKiosk.identity(settings)).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        kiosk = new KioskClient(underTest.httpPort());
    }

    @AfterEach
    void closeAgent() throws Exception {
        underTest.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void postedEvents_areDeliveredToTheHubInOrder_noneLost() throws Exception {
        List<String> acked = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            acked.addAll(storedIds(kiosk.post(batch(10, "SKU-" + b + "-"))));
        }
        awaitDelivered(acked);
        assertInOrderOnce(acked);
    }

    @Test
    void brokerStoppedAndRestarted_backlogDrains_duplicatesRecognisableById() throws Exception {
        List<String> acked = new ArrayList<>(storedIds(kiosk.post(batch(20, "before-"))));
        awaitDelivered(acked);
        broker.stop();
        await().atMost(PATIENCE).until(() -> !underTest.status().connected());
        for (int b = 0; b < 10; b++) {
            acked.addAll(storedIds(kiosk.post(batch(10, "offline-" + b + "-"))));
        }
        assertThat(underTest.status().outboxEvents()).isGreaterThanOrEqualTo(100);
        broker.restart();
        awaitDelivered(acked);
        assertInOrderOnce(acked);
        await().atMost(PATIENCE).until(() -> underTest.status().outboxEvents() == 0);
    }

    @Test
    void actionFromTheHub_isShownOnTheWebSocket_unlessExpired_andItsImpressionIsSynced() throws Exception {
        KioskClient.Screen screen = kiosk.screen();
        Instant now = Instant.now();
        ContractCodec codec = ContractCodec.create();
        String topic = Topics.actions(TestKiosk.STORE, TestKiosk.DEVICE);
        hub.publish(topic, codec.encode(new Action("offer-expired", "d-1", ActionKind.OFFER, "home", "Old", "",
                0, "EUR", now.minusSeconds(120), now.minusSeconds(60))), false);
        hub.publish(topic, codec.encode(new Action("offer-valid", "d-2", ActionKind.OFFER, "home", "New", "",
                500, "EUR", now, now.plusSeconds(600))), false);
        await().atMost(PATIENCE).until(() -> screen.messages().stream().anyMatch(m -> m.contains("offer-valid")));
        assertThat(screen.messages()).noneMatch(m -> m.contains("offer-expired"));
        await().atMost(PATIENCE).until(() -> hub.events().stream()
                .anyMatch(e -> e.data() instanceof OutcomeImpression i && i.actionId().equals("offer-valid")));
        screen.close();
    }

    @Test
    void badInput_isRefusedWithAReason_andNothingAcceptedIsLost() throws Exception {
        assertRefused(kiosk.post("{\"type\":"), 400, "$");
        assertRefused(kiosk.post(new byte[] {'"', (byte) 0xC3, '"'}), 400, "$");
        assertRefused(kiosk.post("{\"type\":\"wm.kiosk.teleport\",\"data\":{}}"), 400, "type");
        assertRefused(kiosk.post("{\"type\":\"wm.kiosk.cart_add\",\"type\":\"x\",\"data\":{}}"), 400, "$");
        assertRefused(kiosk.post("{\"type\":\"wm.kiosk.cart_add\",\"data\":{},\"extra\":1}"), 400, "extra");
        assertRefused(kiosk.post(Captures.cartAdd("x".repeat(40_000))), 400, "data.sku");
        assertRefused(kiosk.post(Captures.purchase(20, 1_900)), 413, "$");
        assertRefused(kiosk.post("[" + Captures.cartAdd("y") + ",1]"), 400, "[1]");
        assertRefused(kiosk.post(new byte[600_000]), 413, "$");
        List<String> acked = new ArrayList<>();
        for (String hostile : List.of("'; DROP TABLE outbox; --", "../../etc/passwd", "\\u0000nul", "<script>",
                "\\ud83d\\ude00 emoji", "wm/v1/#", "\\\"quoted\\\"")) {
            HttpResponse<String> response = kiosk.post(Captures.cartAdd(hostile));
            assertThat(response.statusCode()).isIn(200, 400);
            if (response.statusCode() == 200) {
                acked.addAll(storedIds(response));
            }
        }
        acked.addAll(flood());
        assertThat(kiosk.status().statusCode()).isEqualTo(200);
        awaitDelivered(acked);
        assertInOrderOnce(acked);
    }

    @Test
    void heartbeat_onTheStatusTopic_carriesTheDeviceClock_andStatusReportCommandSendsOne() throws Exception {
        String statusTopic = Topics.status(TestKiosk.STORE, TestKiosk.DEVICE);
        await().atMost(PATIENCE).until(() -> statuses(statusTopic).size() >= 1);
        int before = statuses(statusTopic).size();
        hub.publish(Topics.cmd(TestKiosk.STORE, TestKiosk.DEVICE), "{\"command\":\"status-report\"}".getBytes(),
                false);
        await().atMost(PATIENCE).until(() -> statuses(statusTopic).size() > before);
        DeviceStatus status = statuses(statusTopic).get(statuses(statusTopic).size() - 1);
        assertThat(status.deviceTime()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                60, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void rawPii_neverReachesSqliteWalLogsOrMqtt() throws Exception {
        List<String> raw = List.of("LOY-RAW-99817", "ann.raw@example.com", "415 555 0132", "Ann Rawlings");
        List<String> acked = new ArrayList<>();
        acked.addAll(storedIds(kiosk.post(Captures.loyaltyScan(raw.get(0)))));
        acked.addAll(storedIds(kiosk.post(Captures.feedback("I am " + raw.get(3) + ", mail " + raw.get(1)
                + " or call " + raw.get(2)))));
        kiosk.post(Captures.loyaltyScan(raw.get(0)).replace("}}", "},\"oops\":1}"));
        kiosk.post(Captures.cartAdd(raw.get(1)).replace("\"quantity\":1", "\"quantity\":-1"));
        awaitDelivered(acked);
        StringBuilder everything = new StringBuilder();
        for (String file : List.of("edge.db", "edge.db-wal")) {
            Path path = dir.resolve(file);
            if (java.nio.file.Files.exists(path)) {
                everything.append(new String(java.nio.file.Files.readAllBytes(path),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(dir.resolve("edge.db-wal")).exists();
        logs.lines().forEach(everything::append);
        hub.received().forEach(m -> everything.append(new String(m.payload(),
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(logs.lines()).anyMatch(line -> line.contains("connected to"));
        assertThat(everything.toString()).contains("tok:" + TestKiosk.KEY_ALIAS);
        for (String value : raw) {
            assertThat(everything.toString()).doesNotContain(value);
        }
    }

    @Test
    void logLevelCommand_setsTheAgentsLogLevel_andUnknownCommandsAreIgnored() throws Exception {
        java.util.logging.Logger edge = java.util.logging.Logger.getLogger("dev.waymark.edge");
        String cmd = Topics.cmd(TestKiosk.STORE, TestKiosk.DEVICE);
        await().atMost(PATIENCE).until(() -> underTest.status().connected());
        hub.publish(cmd, "{\"command\":\"teleport\"}".getBytes(), false);
        hub.publish(cmd, "not json".getBytes(), false);
        hub.publish(cmd, "{\"command\":\"log-level\",\"level\":\"WARNING\"}".getBytes(), false);
        try {
            await().atMost(PATIENCE).until(() -> java.util.logging.Level.WARNING.equals(edge.getLevel()));
            assertThat(underTest.status().connected()).isTrue();
        } finally {
            edge.setLevel(java.util.logging.Level.ALL);
        }
    }

    private List<DeviceStatus> statuses(String topic) {
        EventCodec codec = EventCodec.create();
        return hub.received().stream().filter(m -> m.topic().equals(topic))
                .map(m -> codec.decode(m.payload()).orElseThrow().dataAs(DeviceStatus.class)).toList();
    }

    private List<String> flood() throws Exception {
        List<String> acked = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 6; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    KioskClient client = new KioskClient(underTest.httpPort());
                    for (int i = 0; i < 60; i++) {
                        HttpResponse<String> response = client.post(batch(5, "flood-" + thread + "-" + i + "-"));
                        if (response.statusCode() == 200) {
                            acked.addAll(storedIds(response));
                        } else if (response.statusCode() != 503) {
                            failures.add(new AssertionError("unexpected " + response.statusCode()));
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        return new ArrayList<>(acked);
    }

    static String batch(int n, String skuPrefix) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            batch.add(Captures.cartAdd(skuPrefix + i));
        }
        return batch.toString();
    }

    static List<String> storedIds(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        List<String> ids = new ArrayList<>();
        for (JsonValue event : body.getJsonArray("events")) {
            ids.add(event.asJsonObject().getString("id"));
        }
        return ids;
    }

    static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status != 413 || response.body().startsWith("{")) {
            JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
            assertThat(body.getString("field")).isEqualTo(field);
            assertThat(body.getString("reason")).isNotBlank();
        }
    }

    private void awaitDelivered(List<String> ids) {
        await().atMost(PATIENCE).until(() -> firstDeliveries().keySet().containsAll(ids));
    }

    /** Deduplicated by event id, first delivery kept: every acknowledged id once, in capture order. */
    private void assertInOrderOnce(List<String> acked) {
        List<CloudEvent> firsts = new ArrayList<>(firstDeliveries().values());
        List<String> deliveredAcked = firsts.stream().map(CloudEvent::id).filter(acked::contains).toList();
        assertThat(deliveredAcked).containsExactlyInAnyOrderElementsOf(acked);
        assertThat(firsts).extracting(CloudEvent::sequence).isSorted().doesNotHaveDuplicates();
    }

    static Map<String, CloudEvent> firstDeliveries() {
        Map<String, CloudEvent> firsts = new LinkedHashMap<>();
        for (CloudEvent event : hub.events()) {
            firsts.putIfAbsent(event.id(), event);
        }
        return firsts;
    }
}
