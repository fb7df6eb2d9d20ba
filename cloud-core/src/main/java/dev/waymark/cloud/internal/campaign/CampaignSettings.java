package dev.waymark.cloud.internal.campaign;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Settings of campaign mode, from the {@code campaigns} section of {@code cloud.json}.
 *
 * @param partitions key ranges a campaign is split into when it starts ({@value #PARTITIONS}, default 8)
 * @param chunk      profiles decided in one transaction ({@value #CHUNK}, default 2000)
 * @param workers    partitions one replica decides at once ({@value #WORKERS}, default 2)
 * @param lease      how long a claimed partition stays its runner's without progress ({@value #LEASE}, default
 *                   {@code PT30S}); after that another replica takes it over from its checkpoint
 * @param poll       how often a replica looks for due campaigns and free partitions ({@value #POLL}, default
 *                   {@code PT1S})
 */
public record CampaignSettings(int partitions, int chunk, int workers, Duration lease, Duration poll) {

    public static final String PARTITIONS = "campaigns.partitions";
    public static final String CHUNK = "campaigns.chunk";
    public static final String WORKERS = "campaigns.workers";
    public static final String LEASE = "campaigns.lease";
    public static final String POLL = "campaigns.poll";

    /** The defaults. */
    public static final CampaignSettings DEFAULTS = new CampaignSettings(8, 2000, 2, Duration.ofSeconds(30),
            Duration.ofSeconds(1));

    /** Validates; throws IllegalArgumentException naming the key. */
    public CampaignSettings {
        requireRange(PARTITIONS, partitions, 1, 1024);
        requireRange(CHUNK, chunk, 1, 50_000);
        requireRange(WORKERS, workers, 1, 64);
        requirePositive(LEASE, lease);
        requirePositive(POLL, poll);
    }

    /** Reads the keys above from the flat settings; throws IllegalArgumentException naming a bad key. */
    public static CampaignSettings from(JsonObject flat) {
        return new CampaignSettings(integer(flat, PARTITIONS, DEFAULTS.partitions()),
                integer(flat, CHUNK, DEFAULTS.chunk()), integer(flat, WORKERS, DEFAULTS.workers()),
                duration(flat, LEASE, DEFAULTS.lease()), duration(flat, POLL, DEFAULTS.poll()));
    }

    private static int integer(JsonObject flat, String key, int fallback) {
        Object value = flat.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number)) {
            throw new IllegalArgumentException(key + ": must be a whole number");
        }
        return number;
    }

    private static Duration duration(JsonObject flat, String key, Duration fallback) {
        Object value = flat.getValue(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": must be an ISO-8601 duration such as PT30S");
        }
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": must be between " + min + " and " + max);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be a positive duration");
        }
    }
}
