package dev.waymark.cloud.internal.decision.outbox;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the outbox is drained.
 *
 * @param webhookUrl     where web/app actions are POSTed ({@value #WEBHOOK_URL}); none: they wait, then die
 * @param webhookSecret  the HMAC-SHA256 key of the {@code X-Waymark-Signature} ({@value #WEBHOOK_SECRET})
 * @param maxAttempts    attempts before a message is dead-lettered ({@value #MAX_ATTEMPTS}, default 8)
 * @param baseDelay      delay after the first failure, doubled per attempt, with jitter ({@value #BASE_DELAY_MS},
 *                       default 1000 ms)
 * @param maxDelay       the longest delay between attempts ({@value #MAX_DELAY_MS}, default 10 minutes)
 * @param poll           pause between polls when idle ({@value #POLL_MS}, default 250 ms)
 * @param requestTimeout one webhook request's limit ({@value #TIMEOUT_MS}, default 10 s); a claimed message is
 *                       retried by another drainer only after it
 * @param keepFinished   how long a delivered or expired message is kept before it is deleted
 *                       ({@value #KEEP_FINISHED_MS}, default 7 days); dead letters are kept until replayed
 */
public record OutboxSettings(Optional<URI> webhookUrl, String webhookSecret, int maxAttempts, Duration baseDelay,
        Duration maxDelay, Duration poll, Duration requestTimeout, Duration keepFinished) {

    public static final String WEBHOOK_URL = "outbox.webhookUrl";
    public static final String WEBHOOK_SECRET = "outbox.webhookSecret";
    public static final String MAX_ATTEMPTS = "outbox.maxAttempts";
    public static final String BASE_DELAY_MS = "outbox.baseDelayMs";
    public static final String MAX_DELAY_MS = "outbox.maxDelayMs";
    public static final String POLL_MS = "outbox.pollMs";
    public static final String TIMEOUT_MS = "outbox.requestTimeoutMs";
    public static final String KEEP_FINISHED_MS = "outbox.keepFinishedMs";
    /** The default of {@link #keepFinished}. */
    public static final Duration KEEP_FINISHED = Duration.ofDays(7);

    public OutboxSettings {
        Objects.requireNonNull(webhookUrl, WEBHOOK_URL);
        webhookUrl.ifPresent(url -> {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException(WEBHOOK_URL + ": must be an http or https URL");
            }
        });
        Objects.requireNonNull(webhookSecret, WEBHOOK_SECRET);
        if (webhookUrl.isPresent() && webhookSecret.length() < 16) {
            throw new IllegalArgumentException(WEBHOOK_SECRET + ": must have at least 16 characters");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(MAX_ATTEMPTS + ": must be >= 1");
        }
        requirePositive(BASE_DELAY_MS, baseDelay);
        requirePositive(MAX_DELAY_MS, maxDelay);
        requirePositive(POLL_MS, poll);
        requirePositive(TIMEOUT_MS, requestTimeout);
        requirePositive(KEEP_FINISHED_MS, keepFinished);
    }

    /** Settings that keep finished messages for the default {@link #KEEP_FINISHED}. */
    public OutboxSettings(Optional<URI> webhookUrl, String webhookSecret, int maxAttempts, Duration baseDelay,
            Duration maxDelay, Duration poll, Duration requestTimeout) {
        this(webhookUrl, webhookSecret, maxAttempts, baseDelay, maxDelay, poll, requestTimeout, KEEP_FINISHED);
    }

    /** Reads the keys above from {@code config}; throws IllegalArgumentException naming a bad key. */
    public static OutboxSettings from(JsonObject config) {
        String url = config.getString(WEBHOOK_URL);
        try {
            return new OutboxSettings(url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url)),
                    config.getString(WEBHOOK_SECRET, ""), config.getInteger(MAX_ATTEMPTS, 8),
                    Duration.ofMillis(config.getLong(BASE_DELAY_MS, 1000L)),
                    Duration.ofMillis(config.getLong(MAX_DELAY_MS, 600_000L)),
                    Duration.ofMillis(config.getLong(POLL_MS, 250L)),
                    Duration.ofMillis(config.getLong(TIMEOUT_MS, 10_000L)),
                    Duration.ofMillis(config.getLong(KEEP_FINISHED_MS, KEEP_FINISHED.toMillis())));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("outbox.*: a setting has the wrong type: " + e.getMessage());
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be positive");
        }
    }
}
