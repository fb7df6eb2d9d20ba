package dev.waymark.cloud.internal.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.LiveFeed;
import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.decision.outbox.OutboxDrainer;
import dev.waymark.cloud.internal.decision.outbox.OutboxMessage;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.decision.outbox.WebhookSignature;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDrainerIT {

    /** A receiver answer: an HTTP status, or {@link #STALL} to never answer. */
    private static final int STALL = -1;

    private record Received(String key, String timestamp, String signature, String body, int status) {
    }

    @TempDir
    Path dir;
    DecisionFixture fixture;
    HttpServer receiver;
    final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    volatile int fallback = 200;
    final List<Received> received = new CopyOnWriteArrayList<>();
    URI url;
    OutboxDrainer underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new DecisionFixture(storeUrl(), Optional.empty());
        receiver = fixture.vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Integer scripted = script.poll();
            int status = scripted == null ? fallback : scripted;
            received.add(new Received(request.getHeader(WebhookSignature.IDEMPOTENCY_KEY),
                    request.getHeader(WebhookSignature.TIMESTAMP), request.getHeader(WebhookSignature.SIGNATURE),
                    body.toString(), status));
            if (status != STALL) {
                request.response().setStatusCode(status).end();
            }
        })).listen(0).await(10, TimeUnit.SECONDS);
        url = URI.create("http://localhost:" + receiver.actualPort() + "/hook");
    }

    @AfterEach
    void close() throws Exception {
        if (underTest != null) {
            underTest.close();
        }
        fixture.close();
    }

    @Test
    void drain_failingStallingAndThrottlingReceiver_retriesWithTheSameKeyUntilSuccessAndSignsEachAttempt()
            throws Exception {
        script.addAll(List.of(503, 429, STALL, 200));
        enqueueWebhook("d1:a1", Instant.now().plusSeconds(60));

        underTest = drainer(4);
        underTest.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> state("d1:a1").equals("delivered"));
        assertThat(received).hasSize(4).extracting(Received::key).containsOnly("d1:a1");
        WebhookSignature signature = new WebhookSignature(DecisionFixture.SECRET);
        assertThat(received).allSatisfy(r -> assertThat(signature.verify(Long.parseLong(r.timestamp()), r.body(),
                r.signature())).isTrue());
        assertThat(signature.verify(Long.parseLong(received.get(0).timestamp()), received.get(0).body() + " ",
                received.get(0).signature())).isFalse();
        assertThat(fixture.meters.counter("wm.outbox.retries").count()).isEqualTo(3);
        assertThat(fixture.meters.counter("wm.outbox.delivered").count()).isEqualTo(1);
    }

    @Test
    void drain_receiverAlwaysFailing_deadLettersAfterMaxAttempts() throws Exception {
        fallback = 500;
        enqueueWebhook("d2:a1", Instant.now().plusSeconds(60));

        underTest = drainer(4);
        underTest.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> state("d2:a1").equals("dead"));
        assertThat(received).hasSize(4);
        assertThat(fixture.text("SELECT last_error FROM outbox")).isEqualTo("HTTP 500");
        assertThat(fixture.meters.counter("wm.outbox.dead").count()).isEqualTo(1);
    }

    @Test
    void drain_restartWhileReceiverIsDown_losesNothing() throws Exception {
        fallback = 503;
        for (int i = 0; i < 20; i++) {
            enqueueWebhook("r" + i + ":a", Instant.now().plusSeconds(600));
        }
        underTest = drainer(1000);
        underTest.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 20);
        underTest.close();

        fallback = 200;
        underTest = drainer(1000);
        underTest.start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> fixture.count("SELECT COUNT(*) FROM outbox WHERE state = 'delivered'") == 20);
        assertThat(received.stream().filter(r -> r.status() == 200).map(Received::key).distinct()).hasSize(20);
    }

    @Test
    void drain_deviceActions_areSentThroughTheGatewayAndExpiredOnesAreNot() throws Exception {
        enqueueDevice("d3", Instant.now().plusSeconds(60));
        enqueueDevice("d4", Instant.now().minusSeconds(1));

        underTest = drainer(4);
        underTest.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> !state("d4:a").equals("pending")
                && !state("d3:a").equals("pending"));
        assertThat(state("d3:a")).isEqualTo("delivered");
        assertThat(state("d4:a")).isEqualTo("expired");
        assertThat(fixture.devices.actions).containsExactly("store-1/kiosk-1/a/d3");
    }

    @Test
    void drain_actionAnnouncedOnTheLiveFeed_isSentWithoutWaitingForTheIdlePoll() throws Exception {
        enqueueDevice("d4", Instant.now().plusSeconds(60));
        underTest = drainer(4, Duration.ofMinutes(10));
        underTest.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> state("d4:a").equals("delivered"));
        Thread.sleep(500); // the poll after it finds nothing: the drainer now waits out its ten idle minutes
        enqueueDevice("d5", Instant.now().plusSeconds(60));

        fixture.vertx.eventBus().publish(LiveFeed.ADDRESS, new JsonObject().put("kind", "action").put("id", "d5"));

        await().atMost(Duration.ofSeconds(30)).until(() -> state("d5:a").equals("delivered"));
        assertThat(fixture.devices.actions).containsExactly("store-1/kiosk-1/a/d4", "store-1/kiosk-1/a/d5");
    }

    @Test
    void prune_afterTheKeepWindow_deletesDeliveredAndExpiredMessagesAndKeepsPendingAndDead() throws Exception {
        enqueueWebhook("k1:delivered", Instant.now().plusSeconds(600));
        underTest = drainer(1);
        assertThat(underTest.drainOnce().await(10, TimeUnit.SECONDS)).isEqualTo(1);
        fallback = 500;
        enqueueWebhook("k2:dead", Instant.now().plusSeconds(600));
        enqueueWebhook("k3:expired", Instant.now().minusSeconds(1));
        assertThat(underTest.drainOnce().await(10, TimeUnit.SECONDS)).isEqualTo(2);
        enqueueWebhook("k4:pending", Instant.now().plusSeconds(600));
        assertThat(List.of(state("k1:delivered"), state("k2:dead"), state("k3:expired"), state("k4:pending")))
                .containsExactly("delivered", "dead", "expired", "pending");

        assertThat(underTest.pruneOnce().await(10, TimeUnit.SECONDS)).as("within the keep window").isZero();
        OutboxDrainer weekLater = new OutboxDrainer(fixture.vertx, fixture.store, new Outbox(), fixture.devices,
                settings(1, Duration.ofMillis(20)), fixture.meters,
                Clock.offset(Clock.systemUTC(), OutboxSettings.KEEP_FINISHED.plusMinutes(1)));
        try {
            assertThat(weekLater.pruneOnce().await(10, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            weekLater.close();
        }

        assertThat(fixture.count("SELECT COUNT(*) FROM outbox")).isEqualTo(2);
        assertThat(List.of(state("k2:dead"), state("k4:pending"))).containsExactly("dead", "pending");
    }

    private OutboxDrainer drainer(int maxAttempts) {
        return drainer(maxAttempts, Duration.ofMillis(20));
    }

    private OutboxDrainer drainer(int maxAttempts, Duration poll) {
        return new OutboxDrainer(fixture.vertx, fixture.store, new Outbox(), fixture.devices,
                settings(maxAttempts, poll), fixture.meters, Clock.systemUTC());
    }

    private OutboxSettings settings(int maxAttempts, Duration poll) {
        return new OutboxSettings(Optional.of(url), DecisionFixture.SECRET, maxAttempts, Duration.ofMillis(20),
                Duration.ofMillis(100), poll, Duration.ofMillis(500));
    }

    private void enqueueWebhook(String key, Instant expiresAt) throws Exception {
        enqueue(OutboxMessage.create(key.replace(':', '-'), OutboxMessage.WEBHOOK, "decisions",
                "{\"type\":\"wm.action\",\"key\":\"" + key + "\"}", key, Optional.of(expiresAt), Instant.now()));
    }

    private void enqueueDevice(String decisionId, Instant expiresAt) throws Exception {
        Instant issued = expiresAt.minusSeconds(300);
        Action action = new Action("a", decisionId, ActionKind.HELP, "kiosk-offer", "Help", "", 0, "EUR", issued,
                expiresAt);
        String json = new String(ContractCodec.create().encode(action), StandardCharsets.UTF_8);
        enqueue(OutboxMessage.create(decisionId, OutboxMessage.DEVICE, "store-1/kiosk-1", json, decisionId + ":a",
                Optional.of(expiresAt), Instant.now()));
    }

    private void enqueue(OutboxMessage message) throws Exception {
        fixture.store.write(c -> {
            new Outbox().enqueue(c, message);
            return null;
        }).await(10, TimeUnit.SECONDS);
    }

    private String state(String key) throws Exception {
        return fixture.text("SELECT state FROM outbox WHERE idempotency_key = '" + key + "'");
    }
}
