package dev.waymark.cloud.internal.decision.outbox;

import java.time.Duration;
import java.util.Optional;

/** A failed delivery that says whether to retry: never (permanent), or not before a time the receiver asked for. */
public final class DeliveryFailure extends RuntimeException {

    private final boolean permanent;
    private final Optional<Duration> retryAfter;

    private DeliveryFailure(String message, boolean permanent, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** A message that can never be delivered: dead at once. */
    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, true, Optional.empty());
    }

    /** A failure to retry with backoff, but not before {@code retryAfter} when given. */
    public static DeliveryFailure retry(String message, Optional<Duration> retryAfter) {
        return new DeliveryFailure(message, false, retryAfter);
    }

    /**
     * The failure of an HTTP answer that is not 2xx: 408, 425, 429 and 5xx are retried (honouring a
     * {@code Retry-After} in seconds), any other status is permanent (the receiver refuses the message itself).
     */
    public static DeliveryFailure ofHttp(int status, String retryAfterHeader) {
        String message = "HTTP " + status;
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return retry(message, seconds(retryAfterHeader));
        }
        return permanent(message);
    }

    /** True when retrying is pointless. */
    public boolean isPermanent() {
        return permanent;
    }

    /** The least delay the receiver asked for, if any. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    private static Optional<Duration> seconds(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            // An HTTP-date is allowed too; the backoff alone then decides.
            return Optional.empty();
        }
    }
}
