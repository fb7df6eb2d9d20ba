package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.MovableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiRoutesIT {

    private static final String PERIOD = "from=2026-02-28T00:00:00Z&to=2026-03-02T00:00:00Z";

    @TempDir
    static Path dir;
    static Vertx vertx;
    static JdbcStore store;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 2);
        new KpiFacts().recordAll(store);
        MovableClock clock = new MovableClock(KpiFacts.T0.plus(Duration.ofDays(1)));
        KpiRoutes underTest = new KpiRoutes(store, new TestGuard(), InsightSettings.DEFAULTS, clock);
        server = new TestServer(vertx, underTest::mount);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void kpis_admin_getsOverallActionsLatencyAndJourneys() {
        HttpResponse<Buffer> response = server.get("/v1/kpis?" + PERIOD, TestGuard.admin());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).isEqualTo("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.fieldNames()).contains("overall", "actions", "stores", "latency", "journeys", "period");
        JsonObject coupon = body.getJsonObject("actions").getJsonObject("coupon");
        assertThat(coupon.fieldNames()).contains("impressions", "accepts", "acceptanceRate", "treated", "control",
                "uplift", "latency");
        assertThat(coupon.getJsonObject("uplift").getJsonArray("ci95")).hasSize(2);
        assertThat(body.getJsonObject("latency").getLong("count")).isEqualTo(12);
    }

    @Test
    void kpis_withoutPeriod_coversTheDefaultPeriodBeforeNow() {
        JsonObject body = server.get("/v1/kpis", TestGuard.admin()).bodyAsJsonObject();

        assertThat(body.getJsonObject("period").getMap()).containsEntry("from", "2026-02-23T10:00:00Z")
                .containsEntry("to", "2026-03-02T10:00:00Z");
        assertThat(body.getJsonObject("actions").fieldNames()).containsExactlyInAnyOrder("coupon", "help");
    }

    @Test
    void kpis_managerWithoutStore_countsOnlyItsStores() {
        JsonObject body = server.get("/v1/kpis?" + PERIOD, TestGuard.manager("s2")).bodyAsJsonObject();

        assertThat(body.getJsonObject("stores").fieldNames()).containsExactly("s2");
        assertThat(body.getJsonObject("actions").fieldNames()).containsExactly("help");
    }

    @Test
    void kpis_managerAskingForAnotherStore_isForbidden() {
        HttpResponse<Buffer> response = server.get("/v1/kpis?store=s1&" + PERIOD, TestGuard.manager("s2"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
    }

    @Test
    void kpis_storeAndActionFilters_narrowTheReport() {
        JsonObject body = server.get("/v1/kpis?store=s1&action=coupon&" + PERIOD, TestGuard.manager("s1"))
                .bodyAsJsonObject();

        assertThat(body.getString("store")).isEqualTo("s1");
        assertThat(body.getJsonObject("overall").getLong("impressions")).isEqualTo(10);
    }

    @Test
    void kpis_badFilters_areRefusedNamingTheField() {
        assertBad("/v1/kpis?from=yesterday", "from");
        assertBad("/v1/kpis?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from");
        assertBad("/v1/kpis?from=2020-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "from");
        assertBad("/v1/kpis?to=2026-13-01T00:00:00Z", "to");
        assertBad("/v1/kpis?store=s1%2F..%2Fs2", "store");
        assertBad("/v1/kpis?store=s1&store=s2", "store");
        assertBad("/v1/kpis?action=" + "a".repeat(101), "action");
        assertBad("/v1/kpis?action=%00%0A", "action");
    }

    @Test
    void kpis_withoutCredentials_isUnauthorized() {
        assertThat(server.get("/v1/kpis", null).statusCode()).isEqualTo(401);
    }

    private static void assertBad(String uri, String field) {
        HttpResponse<Buffer> response = server.get(uri, TestGuard.admin());
        assertThat(response.statusCode()).as(uri).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("field")).as(uri).isEqualTo(field);
    }
}
