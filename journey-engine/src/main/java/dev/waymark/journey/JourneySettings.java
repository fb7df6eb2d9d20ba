package dev.waymark.journey;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that keep a {@link JourneyContext} small whatever a profile does, and the session rules.
 *
 * @param sessionGap inactivity after which a web or app session ends (default 30 minutes, the web-analytics
 *     convention); kiosk sessions end with their session-end event
 * @param recentActivities activities kept in the recent list (default 20)
 * @param cartLines distinct SKUs kept in the cart (default 50); adds of further SKUs are ignored
 * @param serviceJourneys open service journeys kept (default 8); the oldest is dropped beyond that
 * @param counterKeys windowed counter keys kept (default 32); the least recently counted is dropped
 * @param sources device sources whose last sequence number is kept (default 16); the least recent is dropped
 * @param webEventIds ids of recent web/app events kept to drop duplicates (default 64)
 * @param pendingTimers pending timers kept (default 16); the one due first is cancelled beyond that
 */
public record JourneySettings(Duration sessionGap, int recentActivities, int cartLines,
        int serviceJourneys, int counterKeys, int sources, int webEventIds, int pendingTimers) {

    /** @throws IllegalArgumentException naming the field when a duration or limit is not positive */
    public JourneySettings {
        positive(Objects.requireNonNull(sessionGap, "sessionGap"), "sessionGap");
        positive(recentActivities, "recentActivities");
        positive(cartLines, "cartLines");
        positive(serviceJourneys, "serviceJourneys");
        positive(counterKeys, "counterKeys");
        positive(sources, "sources");
        positive(webEventIds, "webEventIds");
        positive(pendingTimers, "pendingTimers");
    }

    /** The defaults listed above. */
    public static JourneySettings defaults() {
        return new JourneySettings(Duration.ofMinutes(30), 20, 50, 8, 32, 16, 64, 16);
    }

    private static void positive(Duration d, String field) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be > 0");
        }
    }

    private static void positive(int n, String field) {
        if (n < 1) {
            throw new IllegalArgumentException(field + ": must be > 0");
        }
    }
}
