package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;
import java.util.List;

/**
 * {@code wm.hub.report}: a store hub's view of its kiosks, sent upstream on the hub's events topic every status
 * period. Shared subscriptions receive no retained status, so this is how the cloud learns presence, last seen and
 * clock skew per device.
 *
 * @param linkUp      the hub's upstream link was up when the report was made (a report made offline is sent later)
 * @param bufferDepth events in the hub's outbox, waiting to go upstream
 * @param devices     every device the hub has seen since it started
 */
public record HubReport(boolean linkUp, long bufferDepth, List<HubDevice> devices) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public HubReport {
        Check.notNegative("bufferDepth", bufferDepth);
        devices = Check.list("devices", devices);
    }
}
