package dev.waymark.cloud.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.log.StoreEventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.ServiceRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway.echo}, the limit of {@code waymark bench e2e}: the embedded gateway answers a hub's service request
 * with an action on the device's actions topic, through the same channel and broker, and stores nothing.
 */
class GatewayEchoIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), RandomGenerator.getDefault());

    @TempDir
    static Path folder;
    private static Vertx vertx;
    private static JdbcStore store;
    private static StoreEventLog log;
    private static LogTap tap;
    private static SimpleMeterRegistry meters;
    private static GatewayPki pki;
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
        GatewaySettings settings = GatewaySettings.from(new JsonObject().put("port", 0).put("echo", true)
                .put("dataDir", folder.resolve("gateway").toString())
                .put("serverNames", new JsonArray().add("localhost").add("127.0.0.1")));
        underTest = new Gateway(vertx, log, meters, settings, pki.ca(), certificate -> false);
        underTest.start().await(90, TimeUnit.SECONDS);
        url = "ssl://127.0.0.1:" + underTest.tlsPort().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (underTest != null) {
            underTest.stop().await(90, TimeUnit.SECONDS);
        }
        if (store != null) {
            log.close();
            store.close();
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void echo_serviceRequestInABatch_isAnsweredOnItsDevicesActionsTopicAndNothingIsLogged() throws Exception {
        try (HubClient hub = HubClient.connect(url, "hub-e", pki.tls(pki.hub("s1", "hub-e")))) {
            assertThat(hub.subscribe(Topics.actions("s1", "k1"))).isLessThan(0x80);
            double echoedBefore = meters.counter("wm.gateway.echoed").count();
            double takenBefore = meters.counter("wm.gateway.echo.events").count();
            Instant captured = Instant.now();
            CloudEvent view = CloudEvent.of(IDS.next(), Source.device("s1", "k1"), captured, 1,
                    new ProductView("ks-1", "sku-1", "shoes", 4990, "EUR"));
            CloudEvent touch = CloudEvent.of(IDS.next(), Source.device("s1", "k1"), captured, 2,
                    new ServiceRequest("ks-1", "fitting", Optional.empty()));

            int code = hub.publish(Topics.events("s1", "k1"), HubEvents.CODEC.encodeBatch(List.of(view, touch)));

            assertThat(code).isZero();
            await().atMost(WAIT).until(() -> !hub.received().isEmpty());
            HubClient.Received received = hub.received().get(0);
            Action action = ContractCodec.create().decode(received.payload(), Action.class).orElseThrow();
            assertThat(received.topic()).isEqualTo(Topics.actions("s1", "k1"));
            assertThat(action.actionId()).isEqualTo("echo");
            assertThat(action.decisionId()).isEqualTo("echo-" + touch.id());
            assertThat(action.kind()).isEqualTo(ActionKind.HELP);
            assertThat(action.expiresAt()).isEqualTo(captured.plus(Duration.ofMinutes(15)));
            assertThat(received.expirySeconds()).isBetween(850L, 900L);
            assertThat(hub.received()).hasSize(1);
            await().atMost(WAIT).until(() -> meters.counter("wm.gateway.echoed").count() == echoedBefore + 1);
            assertThat(meters.counter("wm.gateway.echo.events").count()).isEqualTo(takenBefore + 2);
            assertThat(meters.counter("wm.gateway.events").count()).isZero();
            assertThat(log.lag("test").await(10, TimeUnit.SECONDS)).isZero();
            assertThat(tap.entries()).isEmpty();
        }
    }

    @Test
    void echo_aStreamOfBrowsingWithServiceRequests_answersEveryRequestAndAcknowledgesEveryMessage() throws Exception {
        try (HubClient hub = HubClient.connect(url, "hub-g", pki.tls(pki.hub("s3", "hub-g")))) {
            assertThat(hub.subscribe(Topics.actions("s3", "k1"))).isLessThan(0x80);
            double takenBefore = meters.counter("wm.gateway.echo.events").count();

            for (int i = 0; i < 300; i++) {
                CloudEvent event = CloudEvent.of(IDS.next(), Source.device("s3", "k1"), Instant.now(), i + 1,
                        i % 10 == 9 ? new ServiceRequest("ks-" + i, "fitting", Optional.empty())
                                : new ProductView("ks-" + i, "sku-" + i, "shoes", 4990, "EUR"));
                assertThat(hub.publish(Topics.events("s3", "k1"), HubEvents.CODEC.encode(event))).isZero();
            }

            await().atMost(WAIT).until(() -> meters.counter("wm.gateway.echo.events").count() == takenBefore + 300);
            await().atMost(WAIT).until(() -> hub.received().size() == 30);
        }
    }

    @Test
    void echo_serviceRequestCapturedLongerAgoThanTheTimeToLive_isNotAnswered() throws Exception {
        try (HubClient hub = HubClient.connect(url, "hub-f", pki.tls(pki.hub("s2", "hub-f")))) {
            assertThat(hub.subscribe(Topics.actions("s2", "k1"))).isLessThan(0x80);
            double failedBefore = meters.counter("wm.gateway.echo.failed").count();
            CloudEvent stale = CloudEvent.of(IDS.next(), Source.device("s2", "k1"), Instant.now().minusSeconds(901),
                    1, new ServiceRequest("ks-2", "fitting", Optional.empty()));
            CloudEvent fresh = CloudEvent.of(IDS.next(), Source.device("s2", "k1"), Instant.now(), 2,
                    new ServiceRequest("ks-3", "fitting", Optional.empty()));

            assertThat(hub.publish(Topics.events("s2", "k1"), HubEvents.CODEC.encode(stale))).isZero();
            assertThat(hub.publish(Topics.events("s2", "k1"), HubEvents.CODEC.encode(fresh))).isZero();

            await().atMost(WAIT).until(() -> !hub.received().isEmpty());
            Action action = ContractCodec.create().decode(hub.received().get(0).payload(), Action.class)
                    .orElseThrow();
            assertThat(action.decisionId()).isEqualTo("echo-" + fresh.id());
            assertThat(hub.received()).hasSize(1);
            assertThat(meters.counter("wm.gateway.echo.failed").count()).isEqualTo(failedBefore + 1);
        }
    }
}
