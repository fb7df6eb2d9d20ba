package dev.waymark.cloud.internal.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A decision search.
 *
 * @param profileId only this profile's decisions
 * @param deviceId  only this kiosk's decisions
 * @param stores    only these stores (empty: every store)
 * @param from      made at or after
 * @param to        made before
 * @param limit     at most this many, 1 to {@link #MAX_LIMIT}
 */
public record DecisionFilter(Optional<String> profileId, Optional<String> deviceId, Set<String> stores, Instant from,
        Instant to, int limit) {

    /** The largest page a search returns. */
    public static final int MAX_LIMIT = 500;

    public DecisionFilter {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(deviceId, "deviceId");
        stores = Set.copyOf(stores);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1 to " + MAX_LIMIT);
        }
    }
}
