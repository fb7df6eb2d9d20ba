package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.protocol.CloudEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Whose an event is, as the profile router and the pipeline both decide it: the profile its identifiers resolve to
 * (linking and merging durably), or for an outcome, which names nobody, its decision's profile (or the kiosk
 * session's). An erased person's identifier makes it {@code erased}: it must not make a profile again
 * (docs/privacy.md). Heartbeats, hub reports and outcomes of unknown decisions have no owner.
 *
 * @param profileId the owner, if any
 * @param erased    it carries an erased person's identifier
 */
record EventOwner(Optional<String> profileId, boolean erased) {

    private static final String OUTCOME_PREFIX = "wm.outcome.";

    /** Resolves {@code event}'s owner in the caller's transaction. */
    static EventOwner of(Connection c, PipelineParts parts, CloudEvent event) throws SQLException {
        List<Identifier> identifiers = parts.identifiersOf().apply(event);
        if (!identifiers.isEmpty()) {
            if (parts.identity().blocked(c, identifiers)) {
                return new EventOwner(Optional.empty(), true);
            }
            return new EventOwner(Optional.of(parts.identity().resolve(c, identifiers,
                    event.source() + " " + event.id(), event.time()).profileId()), false);
        }
        if (isOutcome(event)) {
            return new EventOwner(parts.decider().ownerOf(c, event), false);
        }
        return new EventOwner(Optional.empty(), false);
    }

    /** An outcome of a shown action ({@code wm.outcome.*}). */
    static boolean isOutcome(CloudEvent event) {
        return event.type().startsWith(OUTCOME_PREFIX);
    }
}
