package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.LiveFeed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveRoutesIT {

    Vertx vertx;
    SimpleMeterRegistry registry;
    TestServer server;
    HttpClient http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        registry = new SimpleMeterRegistry();
        InsightSettings settings = new InsightSettings(Duration.ofDays(7), 30, Duration.ofDays(7),
                Duration.ofMinutes(1), false, Duration.ofSeconds(15), 1024, 5, Duration.ofSeconds(90),
                Duration.ofSeconds(5));
        LiveRoutes underTest = new LiveRoutes(vertx, new TestGuard(), registry, settings);
        server = new TestServer(vertx, underTest::mount);
        http = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** Opens a stream and collects its text; completes once the server said it is subscribed. */
    private HttpClientResponse open(String uri, String caller, StringBuffer text) {
        HttpClientResponse response = TestServer.await(http.request(new RequestOptions().setMethod(HttpMethod.GET)
                .setHost("localhost").setPort(server.server.actualPort()).setURI(uri)
                .putHeader(TestGuard.HEADER, caller)).compose(request -> request.send()).map(received -> {
                    // Set on the event loop, before any chunk of the body can arrive.
                    received.handler(chunk -> text.append(chunk.toString()));
                    return received;
                }));
        await().atMost(Duration.ofSeconds(10)).until(() -> text.indexOf(": connected") >= 0);
        return response;
    }

    private void publish(String kind, String store, String id) {
        vertx.eventBus().publish(LiveFeed.ADDRESS, new JsonObject().put("kind", kind).put("store", store)
                .put("type", "wm.kiosk.cart_add").put("id", id).put("at", "2026-03-01T10:00:00Z"));
    }

    @Test
    void live_storeFilter_deliversThatStoreOnly() {
        StringBuffer text = new StringBuffer();
        HttpClientResponse response = open("/v1/live?store=s1", TestGuard.manager("s1", "s2"), text);

        publish("event", "s2", "other-store");
        publish("event", "s1", "first");
        publish("decision", "s1", "second");
        publish("event", "s1", "last");

        await().atMost(Duration.ofSeconds(10)).until(() -> text.indexOf("\"last\"") >= 0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).startsWith("text/event-stream");
        assertThat(dataIds(text)).containsExactly("first", "second", "last");
        assertThat(registry.get("wm.live.clients").gauge().value()).isEqualTo(1);

        TestServer.await(http.close());
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("wm.live.clients").gauge().value() == 0);
    }

    @Test
    void live_scopedCallerWithoutFilter_neverGetsAnotherStoreOrWeb() {
        StringBuffer text = new StringBuffer();
        open("/v1/live?kind=event", TestGuard.manager("s1"), text);

        publish("event", "s3", "foreign");
        publish("event", "web", "web");
        publish("action", "s1", "wrong-kind");
        vertx.eventBus().publish(LiveFeed.ADDRESS, new JsonObject().put("kind", "event").put("id", "no-store"));
        vertx.eventBus().publish(LiveFeed.ADDRESS, "not json");
        publish("event", "s1", "mine");

        await().atMost(Duration.ofSeconds(10)).until(() -> text.indexOf("\"mine\"") >= 0);
        assertThat(dataIds(text)).containsExactly("mine");
    }

    @Test
    void live_filterForAnotherStoreOrBadKind_isRefused() {
        assertThat(server.get("/v1/live?store=s2", TestGuard.manager("s1")).statusCode()).isEqualTo(403);
        assertThat(server.get("/v1/live?kind=gossip", TestGuard.admin()).bodyAsJsonObject().getString("field"))
                .isEqualTo("kind");
        assertThat(server.get("/v1/live?store=%20", TestGuard.admin()).statusCode()).isEqualTo(400);
    }

    @Test
    void live_clientThatDoesNotRead_getsItemsDroppedAndCounted() {
        StringBuffer text = new StringBuffer();
        HttpClientResponse response = open("/v1/live", TestGuard.admin(), text);
        response.pause();
        String padding = "x".repeat(2000);

        // Loopback socket buffers take a few MB before the server's write queue fills.
        long timer = vertx.setPeriodic(5, id -> {
            for (int i = 0; i < 200; i++) {
                vertx.eventBus().publish(LiveFeed.ADDRESS, new JsonObject().put("kind", "event")
                        .put("store", "s1").put("id", padding));
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> registry.counter("wm.live.dropped").count() > 0);
        vertx.cancelTimer(timer);
        assertThat(server.get("/v1/live?kind=gossip", TestGuard.admin()).statusCode()).isEqualTo(400);
    }

    private static List<String> dataIds(StringBuffer text) {
        List<String> ids = new CopyOnWriteArrayList<>();
        for (String line : text.toString().split("\n")) {
            if (line.startsWith("data: ")) {
                ids.add(new JsonObject(line.substring(6)).getString("id"));
            }
        }
        return ids;
    }
}
