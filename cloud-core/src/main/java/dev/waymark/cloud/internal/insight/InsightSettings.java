package dev.waymark.cloud.internal.insight;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Settings of the KPIs, metrics, health, live stream and overview, read once at start from flat keys of a JSON
 * configuration; durations are ISO-8601 ({@code "P7D"}, {@code "PT90S"}).
 *
 * @param attributionWindow how long after a decision a purchase counts as its conversion ({@value #ATTRIBUTION})
 * @param minArmSize        decisions per arm below which uplift has no confidence interval ({@value #MIN_ARM})
 * @param period            default period of {@code GET /v1/kpis} and the period the KPI gauges cover
 * @param gaugeRefresh      how often the KPI gauges are recomputed
 * @param metricsOpen       {@code /metrics} without credentials (default false: it requires Scope.READ)
 * @param liveHeartbeat     the live stream's heartbeat comment interval
 * @param liveQueueBytes    a live client's write queue in bytes; beyond it items are dropped and counted
 * @param liveMaxClients    concurrent live streams at most
 * @param staleAfter        a hub not heard from for this long shows {@code stale}
 * @param healthTimeout     a health check that takes longer is DOWN
 */
public record InsightSettings(Duration attributionWindow, int minArmSize, Duration period, Duration gaugeRefresh,
        boolean metricsOpen, Duration liveHeartbeat, int liveQueueBytes, int liveMaxClients, Duration staleAfter,
        Duration healthTimeout) {

    public static final String ATTRIBUTION = "kpi.attributionWindow";
    public static final String MIN_ARM = "kpi.minArmSize";
    public static final String PERIOD = "kpi.period";
    public static final String GAUGE_REFRESH = "kpi.gaugeRefresh";
    public static final String METRICS_OPEN = "metrics.open";
    public static final String LIVE_HEARTBEAT = "live.heartbeat";
    public static final String LIVE_QUEUE_BYTES = "live.queueBytes";
    public static final String LIVE_MAX_CLIENTS = "live.maxClients";
    public static final String STALE_AFTER = "overview.staleAfter";
    public static final String HEALTH_TIMEOUT = "health.timeout";

    /** The defaults: 7 days attribution and period, 30 per arm, gauges every minute, hub stale after 90 s. */
    public static final InsightSettings DEFAULTS = new InsightSettings(Duration.ofDays(7), 30, Duration.ofDays(7),
            Duration.ofMinutes(1), false, Duration.ofSeconds(15), 64 * 1024, 200, Duration.ofSeconds(90),
            Duration.ofSeconds(5));

    public InsightSettings {
        positive(ATTRIBUTION, attributionWindow);
        positive(PERIOD, period);
        positive(GAUGE_REFRESH, gaugeRefresh);
        positive(LIVE_HEARTBEAT, liveHeartbeat);
        positive(STALE_AFTER, staleAfter);
        positive(HEALTH_TIMEOUT, healthTimeout);
        atLeast(MIN_ARM, minArmSize, 2);
        atLeast(LIVE_QUEUE_BYTES, liveQueueBytes, 1024);
        atLeast(LIVE_MAX_CLIENTS, liveMaxClients, 1);
    }

    /**
     * Reads the settings from {@code config}, defaults for absent keys.
     *
     * @throws IllegalArgumentException naming the key when a value is malformed or out of range
     */
    public static InsightSettings from(JsonObject config) {
        InsightSettings d = DEFAULTS;
        return new InsightSettings(duration(config, ATTRIBUTION, d.attributionWindow),
                integer(config, MIN_ARM, d.minArmSize), duration(config, PERIOD, d.period),
                duration(config, GAUGE_REFRESH, d.gaugeRefresh), bool(config, METRICS_OPEN, d.metricsOpen),
                duration(config, LIVE_HEARTBEAT, d.liveHeartbeat), integer(config, LIVE_QUEUE_BYTES, d.liveQueueBytes),
                integer(config, LIVE_MAX_CLIENTS, d.liveMaxClients), duration(config, STALE_AFTER, d.staleAfter),
                duration(config, HEALTH_TIMEOUT, d.healthTimeout));
    }

    private static Duration duration(JsonObject config, String key, Duration fallback) {
        Object value = config.getValue(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": not an ISO-8601 duration such as PT90S: " + value);
        }
    }

    private static int integer(JsonObject config, String key, int fallback) {
        Object value = config.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number)) {
            throw new IllegalArgumentException(key + ": not an integer: " + value);
        }
        return number;
    }

    private static boolean bool(JsonObject config, String key, boolean fallback) {
        Object value = config.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException(key + ": not true or false: " + value);
        }
        return flag;
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be a positive duration, got " + value);
        }
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + ": must be at least " + min + ", got " + value);
        }
    }
}
