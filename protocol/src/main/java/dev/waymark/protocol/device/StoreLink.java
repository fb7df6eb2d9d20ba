package dev.waymark.protocol.device;

import dev.waymark.protocol.internal.Check;

import java.time.Instant;

/**
 * What a store hub tells its kiosks about its own link to the cloud, retained on {@code wm/v1/s/{store}/link}
 * ({@code Topics.link}) in the hub's broker, published at the hub's start and on every change.
 *
 * @param upstream whether the hub reaches the cloud now
 * @param since    when that began, on the hub's clock (for a hub that just started: its start)
 */
public record StoreLink(LinkState upstream, Instant since) {

    /** Validates; throws IllegalArgumentException naming a missing field. */
    public StoreLink {
        Check.present("upstream", upstream);
        Check.present("since", since);
    }
}
