package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One applied activity, as kept in the bounded recent-activity list.
 *
 * @param activity what happened
 * @param channel where
 * @param at event time
 * @param eventId the event's id
 * @param category the product category when the event named one, else {@code ""}
 */
public record RecentActivity(Activity activity, Channel channel, Instant at, String eventId, String category) {

    public RecentActivity {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(category, "category");
    }
}
