package dev.waymark.decision;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Local times in the customer's zone during which nothing is sent on outbound channels (push, SMS, e-mail); the
 * window may span midnight (21:00 to 08:00). Kiosk, web and app are never quiet: the customer is there and asked.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("end: equals start; leave quiet hours out instead");
        }
    }

    /** True when {@code now}, read in {@code zone}, lies in [start, end). */
    public boolean contains(Instant now, ZoneId zone) {
        LocalTime local = now.atZone(zone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }
}
