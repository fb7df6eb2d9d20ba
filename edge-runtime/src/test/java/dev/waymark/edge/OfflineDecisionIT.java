package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.edge.support.Captures;
import dev.waymark.edge.support.HubStandIn;
import dev.waymark.edge.support.KioskClient;
import dev.waymark.edge.support.LogRecorder;
import dev.waymark.edge.support.TestBroker;
import dev.waymark.edge.support.TestKiosk;
import dev.waymark.edge.support.TestPki;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.device.StoreLink;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline decisions: while the hub is unreachable or says the cloud is; the retained bundle is kept in SQLite, so an
 * agent restarted without its hub still decides.
 */
class OfflineDecisionIT {

    static final Duration PATIENCE = Duration.ofSeconds(40);

    @TempDir
    static Path shared;
    static Vertx vertx;
    static LogRecorder logs;

    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        logs = LogRecorder.install();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(logs.lines()).anyMatch(line -> line.contains("decision bundle 1 installed"));
        assertThat(logs.blockedThreadWarnings()).isEmpty();
        logs.close();
    }

    @Test
    void hubDown_cartAbandonment_showsTheLocallyDecidedActionFromTheBundleKeptInSqlite() throws Exception {
        TestKiosk kiosk = TestKiosk.create(dir, TestPki.create("Test CA"));
        EdgeSettings settings;
        try (TestBroker broker = TestBroker.plain(shared.resolve("broker"))) {
            settings = kiosk.settings(broker.tcpAddress(), true);
            try (var hub = dev.waymark.edge.support.HubStandIn.connect(broker.tcpAddress(), "hub-offline")) {
                hub.publish(Topics.bundle(TestKiosk.STORE), kiosk.bundle(1), true);
            }
            EdgeAgent online = start(settings);
            await().atMost(PATIENCE).until(() -> online.status().bundleVersion() == 1);
            close(online);
        }
        EdgeAgent underTest = start(settings);
        KioskClient.Screen screen = new KioskClient(underTest.httpPort()).screen();
        KioskClient client = new KioskClient(underTest.httpPort());
        assertThat(underTest.status().connected()).isFalse();
        assertThat(underTest.status().bundleVersion()).isEqualTo(1);
        assertThat(client.post(Captures.cartAdd("SKU-1")).statusCode()).isEqualTo(200);
        assertThat(client.post(Captures.sessionEnd()).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> screen.messages().stream().anyMatch(m -> m.contains("help-cart")));
        assertThat(screen.messages()).filteredOn(m -> m.contains("\"kind\":\"action\""))
                .singleElement().asString().contains("\"decisionId\":\"edge-").contains("\"kind\":\"help\"");
        screen.close();
        close(underTest);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE type = 'wm.outcome.impression'")).isEqualTo(1);
    }

    @Test
    void hubConnectedButStoreOffline_decidesLocallyOnlyWhileTheHubSaysTheCloudIsUnreachable() throws Exception {
        TestKiosk kiosk = TestKiosk.create(dir, TestPki.create("Test CA"));
        try (TestBroker broker = TestBroker.plain(dir.resolve("broker"));
             HubStandIn hub = HubStandIn.connect(broker.tcpAddress(), "hub-link")) {
            EdgeSettings settings = kiosk.settings(broker.tcpAddress(), true);
            hub.publish(Topics.bundle(TestKiosk.STORE), kiosk.bundle(1, DecisionPolicies.defaults(), "help-up"), true);
            hub.publish(Topics.link(TestKiosk.STORE), link(LinkState.UP), true);
            EdgeAgent underTest = start(settings);
            await().atMost(PATIENCE).until(() -> underTest.status().connected() && underTest.status().storeOnline()
                    && underTest.status().bundleVersion() == 1);
            KioskClient.Screen screen = abandonCart(underTest);
            // The decider takes events and bundles in one queue: once an action of bundle 2 is shown, the cart
            // abandoned under bundle 1 (store online) has been handled, and any local decision of it shown.
            assertThat(underTest.installBundle(kiosk.bundle(2, DecisionPolicies.defaults(), "help-down"))).isTrue();

            hub.publish(Topics.link(TestKiosk.STORE), link(LinkState.DOWN), true);
            await().atMost(PATIENCE).until(() -> !underTest.status().storeOnline());
            assertThat(underTest.status().connected()).as("the hub itself is still reachable").isTrue();
            abandonCart(underTest).close();
            await().atMost(PATIENCE).until(() -> screen.messages().stream().anyMatch(m -> m.contains("help-down")));

            assertThat(screen.messages()).filteredOn(m -> m.contains("\"kind\":\"action\""))
                    .singleElement().asString().contains("\"actionId\":\"help-down\"")
                    .contains("\"decisionId\":\"edge-");
            assertThat(underTest.status().offlineDecisions()).isEqualTo(1);
            hub.publish(Topics.link(TestKiosk.STORE), link(LinkState.UP), true);
            await().atMost(PATIENCE).until(() -> underTest.status().storeOnline());
            screen.close();
            close(underTest);
        }
    }

    @Test
    void contactCap_holdsAcrossARestart() throws Exception {
        TestKiosk kiosk = TestKiosk.create(dir, TestPki.create("Test CA"));
        EdgeSettings settings = kiosk.settings("tcp://127.0.0.1:" + TestBroker.freePort(), true);
        DecisionPolicies oncePerDay = DecisionPolicies.defaults()
                .withCaps(List.of(ContactCap.perDay(Channel.KIOSK, ActionCategory.CARE, 1)));
        EdgeAgent first = start(settings);
        assertThat(first.installBundle(kiosk.bundle(3, oncePerDay))).isTrue();
        KioskClient.Screen firstScreen = abandonCart(first);
        await().atMost(PATIENCE).until(() -> first.status().offlineDecisions() == 1);
        firstScreen.close();
        close(first);

        EdgeAgent second = start(settings);
        assertThat(second.status().bundleVersion()).isEqualTo(3);
        KioskClient.Screen secondScreen = abandonCart(second);
        await().atMost(PATIENCE).until(() -> second.status().offlineDecisions() == 1);
        secondScreen.close();
        close(second);
        assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE type = 'wm.outcome.impression'")).isEqualTo(1);
    }

    @Test
    void bundle_withABadSignatureOrOlderVersion_isIgnored() throws Exception {
        TestKiosk kiosk = TestKiosk.create(dir, TestPki.create("Test CA"));
        TestKiosk stranger = TestKiosk.create(shared, TestPki.create("Other CA"));
        EdgeSettings settings = kiosk.settings("tcp://127.0.0.1:" + TestBroker.freePort(), true);
        EdgeAgent underTest = start(settings);
        assertThat(underTest.installBundle(stranger.bundle(5))).isFalse();
        assertThat(underTest.installBundle(kiosk.bundle(4))).isTrue();
        assertThat(underTest.installBundle(kiosk.bundle(2))).isFalse();
        assertThat(underTest.installBundle("{\"version\":1}".getBytes())).isFalse();
        assertThat(underTest.status().bundleVersion()).isEqualTo(4);
        close(underTest);
    }

    private static KioskClient.Screen abandonCart(EdgeAgent agent) throws Exception {
        KioskClient.Screen screen = new KioskClient(agent.httpPort()).screen();
        assertThat(agent.capture(Captures.cartAdd("SKU-9")).toCompletionStage().toCompletableFuture().get())
                .isInstanceOf(CaptureResult.Stored.class);
        assertThat(agent.capture(Captures.sessionEnd()).toCompletionStage().toCompletableFuture().get())
                .isInstanceOf(CaptureResult.Stored.class);
        return screen;
    }

    private static byte[] link(LinkState state) {
        return ContractCodec.create().encode(new StoreLink(state, Instant.now()));
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("edge.db"));
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static EdgeAgent start(EdgeSettings settings) throws Exception {
        return EdgeAgent.start(vertx, settings, TestKiosk.identity(settings)).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static void close(EdgeAgent agent) throws Exception {
        agent.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
