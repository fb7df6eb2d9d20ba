package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.MovableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsRoutesIT {

    @TempDir
    static Path dir;
    static Vertx vertx;
    static JdbcStore store;
    static PrometheusMeterRegistry registry;
    static KpiGauges gauges;
    static TestServer guarded;
    static TestServer open;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 2);
        new KpiFacts().recordAll(store);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("wm.test.deliveries").register(registry).increment(3);
        MovableClock clock = new MovableClock(KpiFacts.T0.plus(Duration.ofDays(1)));
        gauges = new KpiGauges(vertx, store, registry, InsightSettings.DEFAULTS, clock);
        TestServer.await(gauges.start());
        guarded = new TestServer(vertx, new MetricsRoutes(registry, new TestGuard(), false)::mount);
        open = new TestServer(vertx, new MetricsRoutes(registry, new TestGuard(), true)::mount);
    }

    @AfterAll
    static void stop() throws Exception {
        gauges.close();
        guarded.close();
        open.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void metrics_reader_getsKpiGaugesAndOtherPartsCounters() {
        HttpResponse<Buffer> response = guarded.get("/metrics", TestGuard.admin());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).startsWith("text/plain");
        assertThat(response.bodyAsString())
                .contains("wm_kpi_acceptance_rate{action=\"coupon\"} 0.4")
                .contains("wm_kpi_acceptance_rate{action=\"help\"} 0.5")
                .contains("wm_kpi_uplift{action=\"coupon\"} 0.25")
                .contains("wm_kpi_conversion_rate{action=\"*\",arm=\"control\"}")
                .contains("wm_kpi_latency_p95_ms")
                .contains("wm_kpi_journey_completion_rate{type=\"purchase\"} 0.25")
                .contains("wm_test_deliveries_total 3.0");
    }

    @Test
    void metrics_withoutCredentials_isUnauthorizedUnlessOpen() {
        assertThat(guarded.get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(open.get("/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refresh_newFacts_moveTheGauge() throws Exception {
        store.write(c -> {
            new KpiFacts().outcome(c, "dt20", "banner", "impression", "s1", KpiFacts.T0);
            new KpiFacts().outcome(c, "dt21", "banner", "impression", "s1", KpiFacts.T0);
            new KpiFacts().outcome(c, "dt21", "banner", "accept", "s1", KpiFacts.T0);
            return null;
        }).await(10, TimeUnit.SECONDS);

        TestServer.await(gauges.refresh());

        assertThat(registry.get("wm.kpi.acceptance.rate").tag("action", "banner").gauge().value())
                .isEqualTo(0.5);
    }
}
