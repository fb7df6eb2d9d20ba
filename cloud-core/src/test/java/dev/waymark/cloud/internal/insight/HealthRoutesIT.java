package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthRoutesIT {

    Vertx vertx;
    TestServer server;
    final Map<String, Supplier<Future<JsonObject>>> checks = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        checks.put("store", () -> Future.succeededFuture(new JsonObject().put("status", "UP")));
        checks.put("eventLog", () -> Future.succeededFuture(new JsonObject().put("lag", 3)));
    }

    private void serve() {
        HealthRoutes underTest = new HealthRoutes(checks, Duration.ofMillis(500));
        server = new TestServer(vertx, underTest::mount);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void ready_allChecksUp_is200WithEachCheck() {
        serve();

        HttpResponse<Buffer> response = server.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonObject("checks").getJsonObject("eventLog").getMap())
                .containsEntry("status", "UP").containsEntry("lag", 3);
    }

    @Test
    void ready_failingCheck_is503NamingIt() {
        checks.put("gateway", () -> Future.failedFuture(new IllegalStateException("broker unreachable")));
        serve();

        HttpResponse<Buffer> response = server.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject gateway = response.bodyAsJsonObject().getJsonObject("checks").getJsonObject("gateway");
        assertThat(gateway.getString("status")).isEqualTo("DOWN");
        assertThat(gateway.getString("reason")).contains("broker unreachable");
        assertThat(server.get("/health", null).statusCode()).isEqualTo(503);
    }

    @Test
    void ready_checkThatNeverAnswersOrThrowsOrSaysDown_isDown() {
        checks.put("slow", () -> Promise.<JsonObject>promise().future());
        checks.put("throwing", () -> {
            throw new IllegalArgumentException("bad wiring");
        });
        checks.put("down", () -> Future.succeededFuture(new JsonObject().put("status", "DOWN")));
        serve();

        JsonObject body = server.get("/health/ready", null).bodyAsJsonObject();

        assertThat(body.getString("status")).isEqualTo("DOWN");
        for (String name : new String[] {"slow", "throwing", "down"}) {
            assertThat(body.getJsonObject("checks").getJsonObject(name).getString("status")).as(name)
                    .isEqualTo("DOWN");
        }
        assertThat(body.getJsonObject("checks").getJsonObject("store").getString("status")).isEqualTo("UP");
    }

    @Test
    void live_isUpEvenWhenAChecksIsDown() {
        checks.put("gateway", () -> Future.failedFuture(new IllegalStateException("down")));
        serve();

        HttpResponse<Buffer> response = server.get("/health/live", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    }
}
