package dev.waymark.cloud.internal.identity;

import java.util.List;
import java.util.Objects;

/**
 * What resolving an event's identifiers did.
 *
 * @param profileId  the profile the event belongs to (created when none of the identifiers was known)
 * @param mergedFrom profiles merged into {@code profileId} by this resolution, oldest first
 * @param refused    links refused because a unique namespace would have held two values, as text for the record
 */
public record Resolution(String profileId, List<String> mergedFrom, List<String> refused) {

    public Resolution {
        Objects.requireNonNull(profileId, "profileId");
        mergedFrom = List.copyOf(mergedFrom);
        refused = List.copyOf(refused);
    }
}
