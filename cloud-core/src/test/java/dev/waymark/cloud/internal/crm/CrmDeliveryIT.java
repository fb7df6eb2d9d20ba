package dev.waymark.cloud.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.decision.outbox.DeadLetters;
import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.decision.outbox.OutboxDrainer;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.decision.outbox.WebhookSignature;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.RecordingDevices;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRM messages of the outbox delivered through the signed webhook connector to a real HTTP server standing in
 * for the CRM, which fails, stalls, answers late, drops the connection and answers 429/5xx on purpose.
 */
class CrmDeliveryIT {

    static final String SECRET = "0123456789abcdef-crm-secret";
    private static final Duration TIMEOUT = Duration.ofMillis(400);

    /** What the stand-in CRM does with one request. */
    enum Answer { OK, FAIL_500, BUSY_429, UNAVAILABLE_503, STALL, LATE_OK, DROP, REFUSE_422 }

    /** One request the CRM received: the message, the idempotency key, whether the signature held. */
    record Request(String profileId, int seq, String key, boolean signed, Answer answer) {
    }

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore store;
    HttpServer crm;
    OutboxDrainer underTest;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** What the CRM applied, once per idempotency key, in the order it applied them. */
    final List<String> applied = new CopyOnWriteArrayList<>();
    final Set<String> appliedKeys = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    volatile BiFunction<JsonObject, Integer, Answer> script = (message, attempt) -> Answer.OK;
    CrmFeed feed;

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, storeUrl(), 2);
        WebhookSignature verifier = new WebhookSignature(SECRET);
        crm = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject message = new JsonObject(body.toString());
            String key = request.getHeader(WebhookSignature.IDEMPOTENCY_KEY);
            int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Answer answer = script.apply(message, attempt);
            boolean signed = verifier.verify(Long.parseLong(request.getHeader(WebhookSignature.TIMESTAMP)),
                    body.toString(), request.getHeader(WebhookSignature.SIGNATURE));
            requests.add(new Request(message.getString("profileId"), message.getJsonObject("data").getInteger("seq"),
                    key, signed, answer));
            answer(request, key, message, answer);
        })).listen(0).await(10, TimeUnit.SECONDS);
        URI url = URI.create("http://localhost:" + crm.actualPort() + "/crm");
        OutboxSettings settings = new OutboxSettings(Optional.empty(), "", 8, Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ofMillis(20), TIMEOUT);
        underTest = new OutboxDrainer(vertx, store, new Outbox(), new RecordingDevices(), settings, meters,
                Clock.systemUTC());
        underTest.connect(CrmFeed.WEBHOOK, new SignedWebhook(WebClient.create(vertx),
                new CrmSettings.Webhook(url, SECRET), TIMEOUT, Clock.systemUTC()));
        feed = new CrmFeed(new Outbox(), new UlidGenerator(Clock.systemUTC(), new SecureRandom()),
                List.of(CrmFeed.WEBHOOK), Clock.systemUTC());
    }

    private void answer(HttpServerRequest request, String key, JsonObject message, Answer answer) {
        switch (answer) {
            case OK -> apply(request, key, message);
            case FAIL_500 -> request.response().setStatusCode(500).end();
            case BUSY_429 -> request.response().setStatusCode(429).putHeader("Retry-After", "1").end();
            case UNAVAILABLE_503 -> request.response().setStatusCode(503).end();
            case REFUSE_422 -> request.response().setStatusCode(422).end();
            case STALL -> {
                // Never answers: the connector's timeout ends the attempt.
            }
            case LATE_OK -> {
                // Applied, but the answer comes after the connector gave up: the retry must not apply it twice.
                applyOnce(key, message);
                vertx.setTimer(TIMEOUT.toMillis() * 2, id -> request.response().setStatusCode(200).end());
            }
            case DROP -> request.connection().close();
        }
    }

    private void apply(HttpServerRequest request, String key, JsonObject message) {
        applyOnce(key, message);
        request.response().setStatusCode(200).end();
    }

    private void applyOnce(String key, JsonObject message) {
        if (appliedKeys.add(key)) {
            applied.add(message.getString("profileId") + "#" + message.getJsonObject("data").getInteger("seq"));
        }
    }

    @AfterEach
    void close() throws Exception {
        underTest.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void drain_crmFailingStallingAndThrottling_deliversEveryMessageOnceInOrderPerProfile() throws Exception {
        Answer[] firstAnswers = {Answer.FAIL_500, Answer.BUSY_429, Answer.STALL, Answer.LATE_OK, Answer.DROP,
            Answer.UNAVAILABLE_503};
        // Each message fails its first attempts in its own way, some more than once; then the CRM takes it.
        script = (message, attempt) -> {
            int seq = message.getJsonObject("data").getInteger("seq");
            int failures = seq % 3;
            return attempt <= failures ? firstAnswers[(seq + attempt) % firstAnswers.length] : Answer.OK;
        };
        List<String> written = publish(List.of("p-a", "p-b", "p-c"), 6);

        underTest.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> stateCount("delivered") == written.size());
        assertThat(applied).as("each change applied once").hasSize(written.size())
                .containsExactlyInAnyOrderElementsOf(written);
        for (String profile : List.of("p-a", "p-b", "p-c")) {
            assertThat(applied.stream().filter(item -> item.startsWith(profile + "#")).toList())
                    .as("applied in order for " + profile).isEqualTo(written.stream()
                            .filter(item -> item.startsWith(profile + "#")).toList());
            List<Integer> sent = requests.stream().filter(r -> r.profileId().equals(profile)).map(Request::seq)
                    .toList();
            assertThat(sent).as("no message of " + profile + " sent before the one ahead of it was taken")
                    .isSortedAccordingTo(Integer::compare);
        }
        Map<String, Set<String>> keysPerMessage = new ConcurrentHashMap<>();
        requests.forEach(r -> keysPerMessage.computeIfAbsent(r.profileId() + "#" + r.seq(), k -> new HashSet<>())
                .add(r.key()));
        assertThat(keysPerMessage.values()).as("every retry carries the same idempotency key")
                .allSatisfy(keys -> assertThat(keys).hasSize(1));
        assertThat(requests).allMatch(Request::signed);
        assertThat(requests).extracting(Request::answer).contains(Answer.FAIL_500, Answer.BUSY_429, Answer.STALL,
                Answer.LATE_OK, Answer.DROP, Answer.UNAVAILABLE_503);
        assertThat(meters.counter("wm.outbox.dead").count()).isZero();
    }

    @Test
    void drain_crmRefusingAMessage_deadLettersItAtOnceWithoutHoldingTheProfilesLaterOnes() throws Exception {
        script = (message, attempt) -> message.getJsonObject("data").getInteger("seq") == 0 && attempt == 1
                ? Answer.REFUSE_422 : Answer.OK;
        List<String> written = publish(List.of("p-a"), 3);

        underTest.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> stateCount("delivered") == 2);
        DeadLetters letters = new DeadLetters(CrmFeed.PREFIX);
        List<DeadLetters.Letter> dead = store.read(c -> letters.list(c, 10)).await(10, TimeUnit.SECONDS);
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.lastError()).isEqualTo("HTTP 422");
            assertThat(new JsonObject(letter.payload()).getJsonObject("data").getInteger("seq")).isZero();
        });
        assertThat(applied).containsExactly(written.get(1), written.get(2));
    }

    @Test
    void replay_deadLetter_isDeliveredAgainWithTheSameIdempotencyKey() throws Exception {
        script = (message, attempt) -> attempt < 9 ? Answer.FAIL_500 : Answer.OK;
        publish(List.of("p-a"), 1);
        underTest.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> stateCount("dead") == 1);
        assertThat(requests).hasSize(8);
        DeadLetters letters = new DeadLetters(CrmFeed.PREFIX);
        String id = store.read(c -> letters.list(c, 10)).await(10, TimeUnit.SECONDS).get(0).id();

        boolean replayed = store.write(c -> letters.replay(c, id, Instant.now())).await(10, TimeUnit.SECONDS);

        assertThat(replayed).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> stateCount("delivered") == 1);
        assertThat(requests).hasSize(9).extracting(Request::key).containsOnly(requests.get(0).key());
        assertThat(applied).hasSize(1);
        assertThat(store.write(c -> letters.replay(c, id, Instant.now())).await(10, TimeUnit.SECONDS))
                .as("a delivered message is no dead letter").isFalse();
    }

    /** Writes {@code perProfile} messages for each profile, interleaved, in one transaction; returns them. */
    private List<String> publish(List<String> profiles, int perProfile) throws Exception {
        List<String> written = new ArrayList<>();
        store.write(c -> {
            for (int seq = 0; seq < perProfile; seq++) {
                for (String profile : profiles) {
                    feed.publish(c, new CrmMessage("decision:" + profile + "-" + seq, CrmMessage.DECISION, profile,
                            Instant.now(), new JsonObject().put("seq", seq)));
                    written.add(profile + "#" + seq);
                }
            }
            return null;
        }).await(10, TimeUnit.SECONDS);
        return written;
    }

    private long stateCount(String state) throws Exception {
        return store.read(c -> {
            try (var select = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = ?")) {
                select.setString(1, state);
                try (var rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }).await(10, TimeUnit.SECONDS);
    }
}
