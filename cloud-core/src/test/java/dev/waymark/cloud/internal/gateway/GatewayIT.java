package dev.waymark.cloud.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.gateway.ingest.DeviceIngest;
import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.action.DecisionBundle;
import dev.waymark.provisioning.DeviceCa;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway with its embedded broker, real TLS, real Paho clients playing hubs, and a real SQLite event log. */
class GatewayIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path folder;
    private static Vertx vertx;
    private static JdbcStore store;
    private static StoreEventLog log;
    private static LogTap tap;
    private static SimpleMeterRegistry meters;
    private static GatewayPki pki;
    private static final Set<String> revokedSerials = ConcurrentHashMap.newKeySet();
    private static Gateway underTest;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("cloud.db"), 2);
        log = new StoreEventLog(vertx, store);
        tap = new LogTap(log, "test");
        meters = new SimpleMeterRegistry();
        pki = new GatewayPki();
        GatewaySettings settings = GatewaySettings.from(new JsonObject().put("port", 0)
                .put("dataDir", folder.resolve("gateway").toString())
                .put("serverNames", new JsonArray().add("localhost").add("127.0.0.1")));
        underTest = new Gateway(vertx, log, meters, settings, pki.ca(),
                certificate -> revokedSerials.contains(DeviceCa.serialOf(certificate)));
        underTest.start().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
        url = "ssl://127.0.0.1:" + underTest.tlsPort().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (underTest != null) {
            underTest.stop().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
        }
        if (store != null) {
            log.close();
            store.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static HubClient hub(String store, String hubId) throws Exception {
        return HubClient.connect(url, hubId, pki.tls(pki.hub(store, hubId)));
    }

    @Test
    void publish_batchAndSingleEventOfOwnStore_reachTheLogExactlyAsSent() throws Exception {
        try (HubClient hub = hub("s1", "hub-a")) {
            List<CloudEvent> batch = HubEvents.events("s1", "k1", 0, 3);
            byte[] single = HubEvents.single("s1", "k1", 3);

            assertThat(hub.publish(Topics.events("s1", "k1"), HubEvents.CODEC.encodeBatch(batch))).isZero();
            assertThat(hub.publish(Topics.events("s1", "k1"), single)).isZero();

            List<String> expected = batch.stream()
                    .map(e -> new String(HubEvents.CODEC.encode(e), StandardCharsets.UTF_8)).toList();
            await().atMost(WAIT).until(() -> tap.valuesOf("wm:/s/s1/d/k1").size() >= 4);
            assertThat(tap.valuesOf("wm:/s/s1/d/k1")).containsExactlyElementsOf(
                    concat(expected, new String(single, StandardCharsets.UTF_8)));
            assertThat(meters.counter("wm.gateway.events").count()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void ingest_whileTheLogRefusesAppends_acknowledgesNothingAndTheBrokerRedeliversAfterRestart() throws Exception {
        JdbcStore probeStore = JdbcStore.open(vertx, "jdbc:sqlite:" + folder.resolve("probe.db"), 2);
        StoreEventLog probeLog = new StoreEventLog(vertx, probeStore);
        LogTap probeTap = new LogTap(probeLog, "probe");
        RefusingLog refusing = new RefusingLog(probeLog);
        GatewaySettings probe = GatewaySettings.from(new JsonObject().put("shareGroup", "probe")
                .put("clientId", "probe-1").put("dataDir", folder.resolve("unused").toString()));
        DeviceIngest first = new DeviceIngest(vertx, refusing, underTest.channel(), new SimpleMeterRegistry(),
                underTest.endpoint(), probe);
        first.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        try (HubClient hub = hub("s1", "hub-p")) {
            byte[] event = HubEvents.single("s1", "k-probe", 0);
            assertThat(hub.publish(Topics.events("s1", "k-probe"), event)).isZero();

            await().atMost(WAIT).until(() -> refusing.refused() >= 2);
            first.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(probeTap.entries()).isEmpty();

            DeviceIngest second = new DeviceIngest(vertx, probeLog, underTest.channel(), new SimpleMeterRegistry(),
                    underTest.endpoint(), probe);
            second.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> !probeTap.entries().isEmpty());
            assertThat(probeTap.values()).containsExactly(new String(event, StandardCharsets.UTF_8));
            second.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            probeLog.close();
            probeStore.close();
        }
    }

    @Test
    void publish_toAnotherStoresTopic_getsPuback0x87AndDisconnectAndNothingIsLogged() throws Exception {
        try (HubClient hub = hub("s1", "hub-b")) {
            int code = hub.publish(Topics.events("s2", "k1"), HubEvents.single("s2", "k1", 0));

            assertThat(code).isEqualTo(0x87);
            await().atMost(WAIT).until(() -> !hub.isConnected());
            assertThat(tap.valuesOf("wm:/s/s2/d/k1")).isEmpty();
        }
    }

    @Test
    void publish_anActionOrBundleOfItsOwnStore_isRefused() throws Exception {
        try (HubClient hub = hub("s1", "hub-c")) {
            assertThat(hub.publish(Topics.bundle("s1"), "{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x87);
        }
        try (HubClient hub = hub("s1", "hub-c")) {
            assertThat(hub.publish(Topics.actions("s1", "k1"), "{}".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(0x87);
        }
    }

    @Test
    void subscribe_toAnotherStoreEverythingOrASharedGroup_getsSuback0x87AndOwnStoreIsGranted() throws Exception {
        try (HubClient hub = hub("s1", "hub-d")) {
            assertThat(hub.subscribe("wm/v1/s/s2/#")).isEqualTo(0x87);
            assertThat(hub.subscribe("#")).isEqualTo(0x87);
            assertThat(hub.subscribe("$share/cloud-core/wm/v1/s/+/d/+/events")).isEqualTo(0x87);
            assertThat(hub.subscribe("wm/v1/s/s1/#")).isLessThan(0x80);
            assertThat(hub.isConnected()).isTrue();
        }
    }

    @Test
    void connect_withAKioskCertificate_isRefused() throws Exception {
        assertThatThrownBy(() -> HubClient.connect(url, "k1", pki.tls(pki.kiosk("s1", "k1"))))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void connect_withoutACertificate_isRefused() throws Exception {
        assertThatThrownBy(() -> HubClient.connect(url, "hub-x", pki.tls(null))).isInstanceOf(MqttException.class);
    }

    @Test
    void connect_withAClientIdOtherThanTheCertificates_isRefused() throws Exception {
        assertThatThrownBy(() -> HubClient.connect(url, "hub-other", pki.tls(pki.hub("s1", "hub-e"))))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void connect_withARevokedCertificate_isRefused() throws Exception {
        GatewayPki.Identity revoked = pki.hub("s1", "hub-r");
        revokedSerials.add(DeviceCa.serialOf(revoked.certificate()));
        assertThatThrownBy(() -> HubClient.connect(url, "hub-r", pki.tls(revoked))).isInstanceOf(MqttException.class);
    }

    @Test
    void disconnect_aConnectedHubWhoseCertificateWasRevoked_endsItsSessionAndItCannotReconnect() throws Exception {
        GatewayPki.Identity identity = pki.hub("s1", "hub-d");
        HubClient hub = HubClient.connect(url, "hub-d", pki.tls(identity));
        revokedSerials.add(DeviceCa.serialOf(identity.certificate()));

        boolean wasConnected = underTest.disconnect("hub-d").await(10, TimeUnit.SECONDS);

        assertThat(wasConnected).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.isConnected());
        hub.close();
        assertThatThrownBy(() -> HubClient.connect(url, "hub-d", pki.tls(identity)))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void connect_withACertificateOfAnotherCa_isRefused() throws Exception {
        GatewayPki stranger = new GatewayPki();
        GatewayPki.Identity identity = stranger.hub("s1", "hub-s");
        // trusts our CA (so the server is accepted) but shows the stranger's certificate
        assertThatThrownBy(() -> HubClient.connect(url, "hub-s", pki.tls(identity)))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void ingest_malformedForeignAndOversizeInput_isCountedAcknowledgedNeverLoggedAndIngestGoesOn() throws Exception {
        try (HubClient hub = hub("s1", "hub-f")) {
            String topic = Topics.events("s1", "k2");
            double before = rejected("invalid") + rejected("source") + rejected("oversize");

            assertThat(hub.publish(topic, "{\"specversion\": \"1.0\", ".getBytes(StandardCharsets.UTF_8))).isZero();
            assertThat(hub.publish(topic, HubEvents.single("s1", "k3", 0))).isZero();
            byte[] huge = new byte[Limits.MAX_BATCH_BYTES + 1];
            Arrays.fill(huge, (byte) ' ');
            huge[0] = '[';
            assertThat(hub.publish(topic, huge)).isZero();
            byte[] valid = HubEvents.single("s1", "k2", 7);
            assertThat(hub.publish(topic, valid)).isZero();

            await().atMost(WAIT).until(() -> tap.valuesOf("wm:/s/s1/d/k2").size() == 1);
            assertThat(rejected("invalid")).isGreaterThanOrEqualTo(1);
            assertThat(rejected("source")).isGreaterThanOrEqualTo(1);
            assertThat(rejected("oversize")).isGreaterThanOrEqualTo(1);
            assertThat(rejected("invalid") + rejected("source") + rejected("oversize") - before).isEqualTo(3);
            assertThat(tap.valuesOf("wm:/s/s1/d/k2")).containsExactly(new String(valid, StandardCharsets.UTF_8));
            assertThat(tap.valuesOf("wm:/s/s1/d/k3")).isEmpty();
        }
    }

    @Test
    void sendAction_reachesTheSubscribedHubWithMessageExpiry() throws Exception {
        try (HubClient hub = hub("s1", "hub-g")) {
            assertThat(hub.subscribe(Topics.actions("s1", "k1"))).isLessThan(0x80);
            Instant now = Instant.now();
            Action action = new Action("a-1", "d-1", ActionKind.OFFER, "screen", "10% off", "today only", 1000,
                    "EUR", now, now.plusSeconds(120));

            underTest.channel().sendAction("s1", "k1", action).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> !hub.received().isEmpty());
            HubClient.Received received = hub.received().get(0);
            assertThat(received.topic()).isEqualTo(Topics.actions("s1", "k1"));
            assertThat(ContractCodec.create().decode(received.payload(), Action.class).orElseThrow())
                    .isEqualTo(action);
            assertThat(received.expirySeconds()).isBetween(1L, 120L);
        }
    }

    @Test
    void sendAction_alreadyExpired_failsNamingExpiresAt() {
        Instant past = Instant.now().minusSeconds(60);
        Action action = new Action("a-2", "d-2", ActionKind.OFFER, "screen", "late", "", 0, "EUR",
                past.minusSeconds(60), past);

        assertThat(underTest.channel().sendAction("s1", "k1", action).toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(10)).withThrowableThat().withMessageContaining("expiresAt");
    }

    @Test
    void sendAction_toAHostileDeviceId_failsNamingIt() {
        Instant now = Instant.now();
        Action action = new Action("a-3", "d-3", ActionKind.OFFER, "screen", "x", "", 0, "EUR", now,
                now.plusSeconds(60));

        assertThat(underTest.channel().sendAction("s1", "k1/#", action).toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(10)).withThrowableThat().withMessageContaining("device id");
    }

    @Test
    void publishBundle_isReceivedRetainedByAHubThatSubscribesAfterwards() throws Exception {
        DecisionBundle bundle = DecisionBundle.of(3, "key-1", "Ed25519", "bundle".getBytes(StandardCharsets.UTF_8),
                new byte[] {1, 2, 3});
        underTest.channel().publishBundle("s1", bundle).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        try (HubClient hub = hub("s1", "hub-h")) {
            assertThat(hub.subscribe(Topics.bundle("s1"))).isLessThan(0x80);

            await().atMost(WAIT).until(() -> !hub.received().isEmpty());
            HubClient.Received received = hub.received().get(0);
            assertThat(received.retained()).isTrue();
            assertThat(ContractCodec.create().decode(received.payload(), DecisionBundle.class).orElseThrow())
                    .isEqualTo(bundle);
        }
    }

    private static double rejected(String reason) {
        return meters.counter("wm.gateway.rejected", "reason", reason).count();
    }

    private static List<String> concat(List<String> first, String last) {
        return java.util.stream.Stream.concat(first.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
