package dev.waymark.cloud.internal.identity;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One side of a resolution: a known profile that holds some of the event's identifiers, or one identifier nobody
 * holds yet ({@code fresh}). Ranked by {@link #RANK}: known profiles first, by the priority of the event's
 * identifiers they hold, then the oldest; then fresh identifiers by priority and their order in the event.
 *
 * @param profileId the known profile, or empty for a fresh identifier
 * @param fresh     the fresh identifier, or empty for a known profile
 * @param priority  the highest priority among the event's identifiers this side holds
 * @param createdAt the profile's creation, epoch millis; {@link Long#MAX_VALUE} when fresh
 * @param order     position in the event's identifiers of the first one this side holds
 * @param uniques   values this side holds in unique namespaces, by namespace
 */
record Candidate(Optional<String> profileId, Optional<Identifier> fresh, int priority, long createdAt, int order,
        Map<String, Set<String>> uniques) {

    /** Best first. */
    static final Comparator<Candidate> RANK = Comparator
            .comparing((Candidate candidate) -> candidate.profileId().isEmpty())
            .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
            .thenComparingLong(Candidate::createdAt)
            .thenComparing(candidate -> candidate.profileId().orElse(""))
            .thenComparingInt(Candidate::order);

    Candidate {
        uniques = Map.copyOf(uniques);
    }

    /** The first unique namespace where this side holds a value other than {@code held}'s, if any. */
    Optional<String> clashWith(Map<String, Set<String>> held) {
        for (Map.Entry<String, Set<String>> entry : uniques.entrySet()) {
            Set<String> other = held.get(entry.getKey());
            if (other != null && !other.equals(entry.getValue())) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Text for records: the profile id, or the fresh identifier. */
    String describe() {
        return profileId.orElseGet(() -> fresh.map(Identifier::toString).orElse("?"));
    }
}
