package dev.waymark.cloud.internal.insight;

import static dev.waymark.cloud.internal.insight.KpiFacts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.insight.KpiRecorder.OutcomeFact;
import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiReaderTest {

    private static final Instant FROM = T0.minus(Duration.ofDays(1));
    private static final Instant TO = T0.plus(Duration.ofDays(1));

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore store;
    KpiReader underTest = new KpiReader(Duration.ofDays(7), 30);

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, storeUrl(), 2);
        new KpiFacts().recordAll(store);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private JsonObject report(KpiFilter filter) throws Exception {
        return store.read(c -> underTest.read(c, filter)).await(10, TimeUnit.SECONDS);
    }

    @Test
    void read_knownConversions_givesUpliftWithWaldInterval() throws Exception {
        JsonObject coupon = report(KpiFilter.all(FROM, TO)).getJsonObject("actions").getJsonObject("coupon");

        assertThat(coupon.getJsonObject("treated").getMap()).containsEntry("n", 40L).containsEntry("conversions", 20L);
        assertThat(coupon.getJsonObject("control").getMap()).containsEntry("n", 40L).containsEntry("conversions", 10L);
        JsonObject uplift = coupon.getJsonObject("uplift");
        assertThat(uplift.getDouble("value")).isCloseTo(0.25, within(1e-12));
        assertThat(uplift.getJsonArray("ci95").getDouble(0)).isCloseTo(0.04502206008611073, within(1e-9));
        assertThat(uplift.getJsonArray("ci95").getDouble(1)).isCloseTo(0.45497793991388924, within(1e-9));
    }

    @Test
    void read_smallArms_givesNullIntervalWithReason() throws Exception {
        JsonObject help = report(KpiFilter.all(FROM, TO)).getJsonObject("actions").getJsonObject("help");

        assertThat(help.getJsonObject("treated").getLong("conversions")).isEqualTo(2);
        assertThat(help.getJsonObject("uplift").getDouble("value")).isCloseTo(0.4, within(1e-12));
        assertThat(help.getJsonObject("uplift").getValue("ci95")).isNull();
        assertThat(help.getJsonObject("uplift").getString("reason")).contains("5 treated and 3 control");
    }

    @Test
    void read_overall_countsEveryDecisionOnceAcrossActions() throws Exception {
        store.write(c -> {
            new KpiFacts().decide(c, "both", "pb", "s1", List.of("coupon", "help"), false, List.of(), T0, T0);
            return null;
        }).await(10, TimeUnit.SECONDS);

        JsonObject report = report(KpiFilter.all(FROM, TO));

        assertThat(report.getJsonObject("overall").getJsonObject("treated").getLong("n")).isEqualTo(46);
        assertThat(report.getJsonObject("overall").getJsonObject("control").getLong("n")).isEqualTo(43);
        assertThat(report.getJsonObject("actions").getJsonObject("help").getJsonObject("treated").getLong("n"))
                .isEqualTo(6);
    }

    @Test
    void read_outcomes_giveAcceptanceRateCountingRedeliveryOnce() throws Exception {
        JsonObject report = report(KpiFilter.all(FROM, TO));

        JsonObject coupon = report.getJsonObject("actions").getJsonObject("coupon");
        assertThat(coupon.getLong("impressions")).isEqualTo(10);
        assertThat(coupon.getLong("accepts")).isEqualTo(4);
        assertThat(coupon.getDouble("acceptanceRate")).isCloseTo(0.4, within(1e-12));
        assertThat(report.getJsonObject("overall").getDouble("acceptanceRate")).isCloseTo(5 / 12.0, within(1e-12));
    }

    @Test
    void read_impressions_giveLatencyPercentilesOnTheKioskClock() throws Exception {
        JsonObject report = report(KpiFilter.all(FROM, TO));

        JsonObject coupon = report.getJsonObject("actions").getJsonObject("coupon").getJsonObject("latency");
        assertThat(coupon.getMap()).containsEntry("count", 10L).containsEntry("p50", 500L)
                .containsEntry("p95", 1000L).containsEntry("p99", 1000L);
        assertThat(report.getJsonObject("latency").getLong("count")).isEqualTo(12);
        assertThat(report.getJsonObject("stores").getJsonObject("s2").getJsonObject("latency").getLong("p50"))
                .isEqualTo(50);
    }

    @Test
    void read_journeys_giveCompletionRatePerType() throws Exception {
        JsonObject journeys = report(KpiFilter.all(FROM, TO)).getJsonObject("journeys");

        assertThat(journeys.getJsonObject("purchase").getMap()).containsEntry("started", 4L)
                .containsEntry("completed", 1L).containsEntry("rate", 0.25);
        assertThat(journeys.getJsonObject("service").getDouble("rate")).isEqualTo(1.0);
    }

    @Test
    void read_storeFilter_countsOnlyThatStore() throws Exception {
        JsonObject report = report(new KpiFilter(Optional.of("s2"), Optional.empty(), FROM, TO, Caller.ALL_STORES));

        assertThat(report.getJsonObject("actions").fieldNames()).containsExactly("help");
        assertThat(report.getJsonObject("overall").getJsonObject("treated").getLong("n")).isEqualTo(5);
        assertThat(report.getJsonObject("journeys").fieldNames()).containsExactly("service");
        assertThat(report.getJsonObject("stores").fieldNames()).containsExactly("s2");
    }

    @Test
    void read_scopedStoresWithoutFilter_countsOnlyVisibleStores() throws Exception {
        JsonObject report = report(new KpiFilter(Optional.empty(), Optional.empty(), FROM, TO, Set.of("s1")));

        assertThat(report.getJsonObject("actions").fieldNames()).containsExactly("coupon");
        assertThat(report.getJsonObject("overall").getLong("impressions")).isEqualTo(10);
    }

    @Test
    void read_actionFilter_narrowsOverallToThatAction() throws Exception {
        JsonObject report = report(new KpiFilter(Optional.empty(), Optional.of("help"), FROM, TO, Caller.ALL_STORES));

        assertThat(report.getJsonObject("actions").fieldNames()).containsExactly("help");
        assertThat(report.getJsonObject("overall").getJsonObject("control").getLong("n")).isEqualTo(3);
        assertThat(report.getJsonObject("overall").getLong("impressions")).isEqualTo(2);
    }

    @Test
    void read_periodBeforeTheFacts_isEmpty() throws Exception {
        JsonObject report = report(KpiFilter.all(FROM.minus(Duration.ofDays(30)), FROM));

        assertThat(report.getJsonObject("actions").isEmpty()).isTrue();
        assertThat(report.getJsonObject("overall").getJsonObject("uplift").getValue("value")).isNull();
        assertThat(report.getJsonObject("overall").getValue("acceptanceRate")).isNull();
    }

    @Test
    void read_shorterAttributionWindow_dropsLaterPurchases() throws Exception {
        underTest = new KpiReader(Duration.ofDays(1), 30);

        JsonObject coupon = report(KpiFilter.all(FROM, TO)).getJsonObject("actions").getJsonObject("coupon");

        assertThat(coupon.getJsonObject("treated").getLong("conversions")).isZero();
        assertThat(coupon.getJsonObject("control").getLong("conversions")).isEqualTo(10);
    }

    @Test
    void outcome_unknownKind_isRefusedNamingTheField() {
        OutcomeFact hostile = new OutcomeFact("d", "a", "'; DROP TABLE kpi_outcomes; --", "s1", "p", T0, 0);

        assertThatThrownBy(() -> store.write(c -> {
            new KpiBook().outcome(c, hostile);
            return null;
        }).await(10, TimeUnit.SECONDS)).hasMessageStartingWith("kind:");
    }
}
