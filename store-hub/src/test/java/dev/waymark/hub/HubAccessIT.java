package dev.waymark.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.waymark.hub.support.BlockedLoopWatch;
import dev.waymark.hub.support.ChildJvm;
import dev.waymark.hub.support.Events;
import dev.waymark.hub.support.FakeProvisioning;
import dev.waymark.hub.support.HubFixture;
import dev.waymark.hub.support.Kiosk;
import dev.waymark.hub.support.Mosquitto;
import dev.waymark.hub.support.TestPki;
import dev.waymark.hub.support.UpstreamBrokerMain;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.device.StoreLink;
import dev.waymark.protocol.event.HubDevice;
import dev.waymark.protocol.event.HubReport;
import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.Revocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's broker with a real upstream broker (child JVM), real TLS and real Paho kiosks. */
class HubAccessIT {

    private static final String STORE = TestPki.STORE;

    @TempDir
    static Path folder;
    private static TestPki pki;
    private static ChildJvm upstream;
    private static StoreHub underTest;
    private static Kiosk cloud;
    private static String upstreamUrl;
    private static FakeProvisioning provisioning;
    private static BlockedLoopWatch blockedLoops;

    @BeforeAll
    static void start() throws Exception {
        blockedLoops = BlockedLoopWatch.install();
        pki = new TestPki(folder);
        int upstreamPort = HubFixture.freePort();
        upstream = ChildJvm.start(UpstreamBrokerMain.class, folder.resolve("upstream.log"),
                Files.createDirectories(folder.resolve("upstream")).toString(), String.valueOf(upstreamPort));
        upstreamUrl = "tcp://127.0.0.1:" + upstreamPort;
        cloud = Kiosk.connect(upstreamUrl, "cloud-test", null);
        cloud.subscribe("wm/v1/s/+/d/+/events");
        cloud.subscribe("wm/v1/s/+/d/+/status");
        provisioning = new FakeProvisioning(pki.ca());
        underTest = StoreHub.start(HubFixture.settings(folder, pki.hubKeystore(), upstreamPort, provisioning.url()),
                TestPki.PASSWORD.toCharArray());
        await().atMost(Duration.ofSeconds(30)).until(() -> underTest.status().linkUp());
    }

    @AfterAll
    static void stop() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
        if (underTest != null) {
            underTest.close();
        }
        if (upstream != null) {
            upstream.stop();
        }
        if (provisioning != null) {
            provisioning.close();
        }
        blockedLoops.close();
        assertThat(blockedLoops.warnings()).as("Vert.x event loops blocked").isEmpty();
    }

    private String hubUrl() {
        return "ssl://127.0.0.1:" + underTest.mqttPort();
    }

    private Kiosk kiosk(String id) throws Exception {
        return Kiosk.connect(hubUrl(), id, pki.tls(pki.kiosk(STORE, id)));
    }

    @Test
    void connect_withoutClientCertificate_isRefused() {
        assertThatThrownBy(() -> Kiosk.connect(hubUrl(), "kiosk-anon", pki.anonymousTls()))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void connect_withCertificateOfAnotherCa_isRefused() {
        assertThatThrownBy(() -> Kiosk.connect(hubUrl(), "kiosk-other", pki.tls(TestPki.stranger("kiosk-other"))))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void connect_clientIdOtherThanCertificate_isRefusedAndCounted() throws Exception {
        long before = underTest.status().refusedConnects();
        assertThatThrownBy(() -> Kiosk.connect(hubUrl(), "kiosk-b", pki.tls(pki.kiosk(STORE, "kiosk-a"))))
                .isInstanceOf(MqttException.class);
        assertThat(underTest.status().refusedConnects()).isGreaterThan(before);
    }

    @Test
    void connect_certificateOfAnotherStore_isRefused() {
        assertThatThrownBy(() -> Kiosk.connect(hubUrl(), "kiosk-x", pki.tls(pki.kiosk("store-2", "kiosk-x"))))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void publish_asAnotherDevice_isRefusedWith0x87() throws Exception {
        try (Kiosk a = kiosk("kiosk-acl1")) {
            int code = a.publish(Topics.events(STORE, "kiosk-b"), Events.batch(STORE, "kiosk-b", 1, 1), false);
            assertThat(code).isEqualTo(0x87);
        }
    }

    @Test
    void subscribe_otherDevicesActionsWildcardOrShared_isRefused() throws Exception {
        try (Kiosk a = kiosk("kiosk-acl2")) {
            assertThat(a.subscribe(Topics.actions(STORE, "kiosk-b"))).isEqualTo(0x87);
            assertThat(a.subscribe("#")).isEqualTo(0x87);
            assertThat(a.subscribe("$share/g/" + Topics.actions(STORE, "kiosk-acl2"))).isGreaterThanOrEqualTo(0x80);
            assertThat(a.subscribe(Topics.actions(STORE, "kiosk-acl2"))).isLessThan(0x80);
            assertThat(a.subscribe(Topics.bundle(STORE))).isLessThan(0x80);
            assertThat(a.subscribe(Topics.link(STORE))).isLessThan(0x80);
        }
    }

    @Test
    void publish_retainedBundleOrLinkState_isRefused() throws Exception {
        try (Kiosk a = kiosk("kiosk-acl3")) {
            assertThat(a.publish(Topics.bundle(STORE), "{}".getBytes(StandardCharsets.UTF_8), true))
                    .isEqualTo(0x87);
        }
        try (Kiosk a = kiosk("kiosk-acl4")) {
            assertThat(a.publish(Topics.link(STORE), "{}".getBytes(StandardCharsets.UTF_8), true))
                    .isEqualTo(0x87);
        }
    }

    @Test
    void storeLink_whileConnectedUpstream_isRetainedUpForEveryKiosk() throws Exception {
        try (Kiosk a = kiosk("kiosk-link")) {
            a.subscribe(Topics.link(STORE));
            await().atMost(Duration.ofSeconds(20)).until(() -> !a.received().isEmpty());
            Kiosk.Received link = a.received().get(0);
            assertThat(link.retained()).isTrue();
            assertThat(ContractCodec.create().decode(link.payload(), StoreLink.class).orElseThrow().upstream())
                    .isEqualTo(LinkState.UP);
        }
    }

    @Test
    void events_withForeignSource_areRejectedAndCounted() throws Exception {
        long before = underTest.status().rejected();
        try (Kiosk a = kiosk("kiosk-src")) {
            int code = a.publish(Topics.events(STORE, "kiosk-src"), Events.batch(STORE, "kiosk-zzz", 1, 2), false);
            assertThat(code).isGreaterThanOrEqualTo(0x80);
        }
        assertThat(underTest.status().rejected()).isEqualTo(before + 1);
    }

    @Test
    void events_acknowledged_reachUpstreamAndLeaveTheOutbox() throws Exception {
        String topic = Topics.events(STORE, "kiosk-ok");
        try (Kiosk a = kiosk("kiosk-ok")) {
            for (int i = 0; i < 5; i++) {
                assertThat(a.publish(topic, Events.batch(STORE, "kiosk-ok", i * 3L, 3), false)).isLessThan(0x80);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> cloud.received().stream()
                .filter(r -> r.topic().equals(topic)).count() == 5);
        assertThat(cloud.received().stream().filter(r -> r.topic().equals(topic))
                .flatMap(r -> Events.sequences(r.payload()).stream()).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        await().atMost(Duration.ofSeconds(10)).until(() -> underTest.status().bufferDepth() == 0);
    }

    @Test
    void downlinks_reachTheRightKioskAndTheBundleIsMirroredRetained() throws Exception {
        try (Kiosk a = kiosk("kiosk-dl1"); Kiosk b = kiosk("kiosk-dl2")) {
            a.subscribe(Topics.actions(STORE, "kiosk-dl1"));
            b.subscribe(Topics.actions(STORE, "kiosk-dl2"));
            cloud.publish(Topics.actions(STORE, "kiosk-dl1"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), false);
            cloud.publish(Topics.bundle(STORE), "bundle-v1".getBytes(StandardCharsets.UTF_8), true);
            await().atMost(Duration.ofSeconds(20)).until(() -> !a.received().isEmpty());
            assertThat(a.received()).extracting(Kiosk.Received::topic).containsExactly(Topics.actions(STORE,
                    "kiosk-dl1"));
            assertThat(b.received()).isEmpty();
        }
        try (Kiosk late = kiosk("kiosk-dl3")) {
            late.subscribe(Topics.bundle(STORE));
            await().atMost(Duration.ofSeconds(20)).until(() -> !late.received().isEmpty());
            assertThat(late.received().get(0).retained()).isTrue();
            assertThat(new String(late.received().get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("bundle-v1");
        }
    }

    @Test
    void revocationFeed_disconnectsTheDeviceAndRefusesItsReconnects() throws Exception {
        TestPki.Identity identity = pki.kiosk(STORE, "kiosk-rev");
        Kiosk a = Kiosk.connect(hubUrl(), "kiosk-rev", pki.tls(identity));
        provisioning.revoke(new Revocation(1, "kiosk-rev", STORE, DeviceCa.serialOf(identity.certificate()),
                Instant.now(), "revoked"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.isConnected());
        a.close();
        assertThatThrownBy(() -> Kiosk.connect(hubUrl(), "kiosk-rev", pki.tls(identity)))
                .isInstanceOf(MqttException.class);
        try (Kiosk replacement = Kiosk.connect(hubUrl(), "kiosk-rev", pki.tls(pki.kiosk(STORE, "kiosk-rev")))) {
            assertThat(replacement.isConnected()).as("a replaced kiosk keeps its id with a new certificate").isTrue();
        }
    }

    @Test
    void statusEndpoint_reportsLinkPresenceAndSkew() throws Exception {
        try (Kiosk a = kiosk("kiosk-st")) {
            Instant deviceTime = Instant.now().plusSeconds(90);
            assertThat(a.publish(Topics.status(STORE, "kiosk-st"), Events.status(STORE, "kiosk-st", deviceTime),
                    true)).isLessThan(0x80);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + underTest.statusPort() + "/v1/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"link\" : \"up\"").contains("kiosk-st");
            DevicePresence presence = underTest.status().devices().stream()
                    .filter(d -> d.deviceId().equals("kiosk-st")).findFirst().orElseThrow();
            assertThat(presence.online()).isTrue();
            assertThat(presence.skew().orElseThrow()).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(100));
            await().atMost(Duration.ofSeconds(20)).until(() -> cloud.received().stream().map(Kiosk.Received::topic)
                    .toList().containsAll(java.util.List.of(Topics.status(STORE, "kiosk-st"),
                            Topics.status(STORE, TestPki.HUB))));
            await().atMost(Duration.ofSeconds(20)).until(() -> reportedUpstream("kiosk-st").isPresent());
            HubDevice reported = reportedUpstream("kiosk-st").orElseThrow();
            assertThat(reported.online()).isTrue();
            assertThat(reported.skewMillis().orElseThrow()).isBetween(80_000L, 100_000L);
        }
    }

    /** The latest {@code wm.hub.report} the upstream received that lists {@code deviceId} with a skew. */
    private static Optional<HubDevice> reportedUpstream(String deviceId) {
        EventCodec codec = EventCodec.create();
        return cloud.received().stream()
                .filter(message -> message.topic().equals(Topics.events(STORE, TestPki.HUB)))
                .flatMap(message -> codec.decodeBatch(message.payload()).acceptedValue().orElse(List.of()).stream())
                .filter(event -> event.data() instanceof HubReport)
                .flatMap(event -> ((HubReport) event.data()).devices().stream())
                .filter(device -> device.deviceId().equals(deviceId) && device.skewMillis().isPresent())
                .reduce((first, second) -> second);
    }

    @Test
    void mosquittoClients_withDeviceCertificate_publishOwnTopicsAndAreRefusedElsewhere() throws Exception {
        Assumptions.assumeTrue(Mosquitto.installed(),
                "*** mosquitto-clients missing: interop NOT tested (apt-get install -y mosquitto-clients) ***");
        Path[] pem = pki.pemFiles(pki.kiosk(STORE, "kiosk-mq"));
        Path batch = folder.resolve("batch.json");
        Files.write(batch, Events.batch(STORE, "kiosk-mq", 0, 2));
        String topic = Topics.events(STORE, "kiosk-mq");

        Mosquitto.Result own = Mosquitto.publish(underTest.mqttPort(), "kiosk-mq", pem, topic, batch);
        assertThat(own.exitCode()).as(own.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> cloud.received().stream()
                .anyMatch(r -> r.topic().equals(topic)));

        Mosquitto.Result foreign = Mosquitto.publish(underTest.mqttPort(), "kiosk-mq", pem,
                Topics.events(STORE, "kiosk-other"), batch);
        assertThat(foreign.exitCode() != 0 || foreign.output().toLowerCase().contains("not authorized"))
                .as(foreign.output()).isTrue();
        assertThat(cloud.received()).noneMatch(r -> r.topic().equals(Topics.events(STORE, "kiosk-other")));

        Mosquitto.Result anonymous = Mosquitto.publish(underTest.mqttPort(), "kiosk-mq",
                new Path[] {null, null, pem[2]}, topic, batch);
        assertThat(anonymous.exitCode()).as(anonymous.output()).isNotZero();
    }

    @Test
    void mosquittoSub_withDeviceCertificate_receivesItsAction() throws Exception {
        Assumptions.assumeTrue(Mosquitto.installed(),
                "*** mosquitto-clients missing: interop NOT tested (apt-get install -y mosquitto-clients) ***");
        Path[] pem = pki.pemFiles(pki.kiosk(STORE, "kiosk-mqs"));
        Path output = folder.resolve("mqs.out");
        Process sub = Mosquitto.subscribe(underTest.mqttPort(), "kiosk-mqs", pem, Topics.actions(STORE, "kiosk-mqs"),
                output);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> underTest.status().devices().stream()
                    .anyMatch(d -> d.deviceId().equals("kiosk-mqs") && d.online()));
            // the subscription follows the CONNACK on the same connection; repeat the action until it lands
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                cloud.publish(Topics.actions(STORE, "kiosk-mqs"), "offer-42".getBytes(StandardCharsets.UTF_8),
                        false);
                return !sub.isAlive();
            });
            assertThat(Files.readString(output)).contains("offer-42");
        } finally {
            sub.destroyForcibly();
        }
    }
}
