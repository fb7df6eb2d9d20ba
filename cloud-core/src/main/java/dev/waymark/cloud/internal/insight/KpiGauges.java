package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.Store;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The KPIs as Micrometer gauges, recomputed every {@code kpi.gaugeRefresh} over the last {@code kpi.period} on a
 * reading connection (never per scrape, never on the event loop): {@code wm_kpi_acceptance_rate},
 * {@code wm_kpi_uplift} and {@code wm_kpi_conversion_rate} (tag {@code arm}) per {@code action} ({@code *} for
 * overall), {@code wm_kpi_latency_p95_ms} and {@code wm_kpi_journey_completion_rate} per {@code type}. A value
 * not known yet (no impressions, an empty arm) is NaN.
 */
public final class KpiGauges implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KpiGauges.class.getName());
    static final String OVERALL = "*";

    private final Vertx vertx;
    private final Store store;
    private final MeterRegistry registry;
    private final KpiReader reader;
    private final Duration period;
    private final Clock clock;
    private final Duration refreshEvery;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private long timer = -1;

    /** Gauges over {@code store}'s facts in {@code registry}; call {@link #start} to begin refreshing. */
    public KpiGauges(Vertx vertx, Store store, MeterRegistry registry, InsightSettings settings, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.registry = registry;
        this.reader = new KpiReader(settings.attributionWindow(), settings.minArmSize());
        this.period = settings.period();
        this.clock = clock;
        this.refreshEvery = settings.gaugeRefresh();
    }

    /** Computes the gauges now and then every refresh period; the future completes after the first refresh. */
    public Future<Void> start() {
        timer = vertx.setPeriodic(refreshEvery.toMillis(), id -> refresh());
        return refresh();
    }

    /** Recomputes every gauge from the facts. */
    public Future<Void> refresh() {
        Instant to = clock.instant();
        KpiFilter filter = KpiFilter.all(to.minus(period), to);
        return store.read(connection -> reader.read(connection, filter)).onFailure(e ->
                LOG.log(Level.WARNING, "KPI gauges not refreshed: " + e)).map(report -> {
                    publish(report);
                    return null;
                });
    }

    private void publish(JsonObject report) {
        block(OVERALL, report.getJsonObject("overall"));
        JsonObject actions = report.getJsonObject("actions");
        actions.fieldNames().forEach(action -> block(action, actions.getJsonObject(action)));
        set("wm.kpi.latency.p95.ms", Tags.empty(), report.getJsonObject("latency").getValue("p95"));
        JsonObject journeys = report.getJsonObject("journeys");
        journeys.fieldNames().forEach(type -> set("wm.kpi.journey.completion.rate", Tags.of("type", type),
                journeys.getJsonObject(type).getValue("rate")));
    }

    private void block(String action, JsonObject block) {
        Tags tags = Tags.of("action", action);
        set("wm.kpi.acceptance.rate", tags, block.getValue("acceptanceRate"));
        set("wm.kpi.uplift", tags, block.getJsonObject("uplift").getValue("value"));
        for (String arm : new String[] {"treated", "control"}) {
            set("wm.kpi.conversion.rate", tags.and("arm", arm), block.getJsonObject(arm).getValue("rate"));
        }
    }

    /** Sets a gauge's value, registering the gauge the first time its name and tags are seen. */
    private void set(String name, Tags tags, Object value) {
        String key = name + tags;
        double number = value instanceof Number n ? n.doubleValue() : Double.NaN;
        if (values.put(key, number) == null) {
            Gauge.builder(name, values, v -> v.getOrDefault(key, Double.NaN)).tags(tags).register(registry);
        }
    }

    /** Stops refreshing; the gauges keep their last values. */
    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
