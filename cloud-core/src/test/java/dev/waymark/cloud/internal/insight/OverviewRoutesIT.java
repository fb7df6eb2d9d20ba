package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.MovableClock;
import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.HubDevice;
import dev.waymark.protocol.event.HubReport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewRoutesIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore store;
    MovableClock clock = new MovableClock(T0);
    DeviceOverview underTest = new DeviceOverview();
    TestServer server;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, storeUrl(), 2);
        server = new TestServer(vertx,
                new OverviewRoutes(store, new TestGuard(), InsightSettings.DEFAULTS, clock)::mount);
        record(c -> {
            underTest.hubReport(c, "s1", "hub-1", new HubReport(true, 7, List.of(
                    new HubDevice("k1", true, T0.minusSeconds(5), Optional.of(120L)),
                    new HubDevice("k2", false, T0.minusSeconds(600), Optional.empty()))), T0);
            underTest.hubReport(c, "s2", "hub-2", new HubReport(false, 42, List.of(
                    new HubDevice("k9", true, T0.minusSeconds(1), Optional.of(-40L)))), T0);
            underTest.heartbeat(c, "s1", "k1", new Heartbeat("1.4.2", 3, T0), T0);
            underTest.heartbeat(c, "s1", "k3", new Heartbeat("1.4.0", 0, T0), T0);
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private interface Facts {
        void record(java.sql.Connection c) throws java.sql.SQLException;
    }

    private void record(Facts facts) {
        TestServer.await(store.write(c -> {
            facts.record(c);
            return null;
        }));
    }

    private JsonObject storeBlock(String caller, String storeId) {
        JsonArray stores = server.get("/v1/stores", caller).bodyAsJsonObject().getJsonArray("stores");
        return stores.stream().map(JsonObject.class::cast).filter(s -> s.getString("store").equals(storeId))
                .findFirst().orElseThrow();
    }

    @Test
    void stores_fromHubReportsAndHeartbeats_showLinkAndKioskCounts() {
        JsonObject s1 = storeBlock(TestGuard.admin(), "s1");
        JsonObject s2 = storeBlock(TestGuard.admin(), "s2");

        assertThat(s1.getString("link")).isEqualTo("up");
        assertThat(s1.getJsonObject("kiosks").getMap()).containsEntry("online", 1).containsEntry("offline", 1)
                .containsEntry("unknown", 1);
        assertThat(s1.getJsonArray("hubs").getJsonObject(0).getLong("bufferDepth")).isEqualTo(7);
        assertThat(s2.getString("link")).isEqualTo("down");
    }

    @Test
    void stores_hubSilentForThreeReportPeriods_isStaleAndItsKiosksUnknown() {
        clock.advance(Duration.ofSeconds(91));

        JsonObject s1 = storeBlock(TestGuard.admin(), "s1");

        assertThat(s1.getString("link")).isEqualTo("stale");
        assertThat(s1.getJsonArray("hubs").getJsonObject(0).getString("link")).isEqualTo("stale");
        assertThat(s1.getJsonObject("kiosks").getMap()).containsEntry("online", 0).containsEntry("unknown", 3);
    }

    @Test
    void devices_ofAStore_carryPresenceSkewVersionAndBuffer() {
        JsonArray devices = server.get("/v1/stores/s1/devices", TestGuard.manager("s1")).bodyAsJsonObject()
                .getJsonArray("devices");

        assertThat(devices).hasSize(3);
        JsonObject k1 = devices.getJsonObject(0);
        assertThat(k1.getMap()).containsEntry("deviceId", "k1").containsEntry("presence", "online")
                .containsEntry("skewMillis", 120).containsEntry("softwareVersion", "1.4.2")
                .containsEntry("bufferDepth", 3).containsEntry("lastSeen", "2026-03-01T09:59:55Z");
        assertThat(devices.getJsonObject(1).getString("presence")).isEqualTo("offline");
        assertThat(devices.getJsonObject(2).getString("presence")).isEqualTo("unknown");
    }

    @Test
    void hubReport_olderReportArrivingLate_doesNotUndoNewerPresence() {
        record(c -> underTest.hubReport(c, "s1", "hub-1", new HubReport(false, 0, List.of(
                new HubDevice("k1", false, T0.minusSeconds(60), Optional.of(999L)))), T0.minusSeconds(30)));

        JsonObject k1 = server.get("/v1/stores/s1/devices", TestGuard.admin()).bodyAsJsonObject()
                .getJsonArray("devices").getJsonObject(0);

        assertThat(k1.getString("presence")).isEqualTo("online");
        assertThat(k1.getLong("skewMillis")).isEqualTo(120);
        assertThat(storeBlock(TestGuard.admin(), "s1").getString("link")).isEqualTo("up");
    }

    @Test
    void overview_storeScopedCaller_seesOnlyItsStores() {
        JsonArray stores = server.get("/v1/stores", TestGuard.manager("s2")).bodyAsJsonObject()
                .getJsonArray("stores");

        assertThat(stores).hasSize(1);
        assertThat(stores.getJsonObject(0).getString("store")).isEqualTo("s2");
        assertThat(server.get("/v1/stores/s1/devices", TestGuard.manager("s2")).statusCode()).isEqualTo(403);
    }

    @Test
    void devices_unknownOrMalformedStore_is404Or400() {
        assertThat(server.get("/v1/stores/s7/devices", TestGuard.admin()).statusCode()).isEqualTo(404);
        assertThat(server.get("/v1/stores/" + "s".repeat(65) + "/devices", TestGuard.admin()).bodyAsJsonObject()
                .getString("field")).isEqualTo("store");
        assertThat(server.get("/v1/stores/s%20x/devices", TestGuard.admin()).statusCode()).isEqualTo(400);
    }
}
