package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} contacts of {@code category} on {@code channel} within any {@code period}, e.g. two sales
 * e-mails a day.
 *
 * @throws IllegalArgumentException when max is negative or period is not positive
 */
public record ContactCap(Channel channel, ActionCategory category, int max, Duration period) {

    public ContactCap {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        if (max < 0) {
            throw new IllegalArgumentException("max: must be >= 0, got " + max);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period: must be positive");
        }
    }

    /** A cap per calendar-free day (a sliding 24 hours). */
    public static ContactCap perDay(Channel channel, ActionCategory category, int max) {
        return new ContactCap(channel, category, max, Duration.ofDays(1));
    }
}
