package dev.waymark.cloud.internal.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The identity graph (DESIGN.md section 6): finds or creates the profile of a set of identifiers, links them,
 * merges profiles unless a unique namespace would then hold two values (then the link is refused and recorded),
 * records every merge (from, into, cause) and runs the {@link MergeHook}s in the same transaction.
 */
public interface IdentityResolver {

    /**
     * Resolves {@code identifiers} (at least one) to one profile.
     *
     * @param cause what linked them, for the merge record (an event's {@code source + " " + id}); no PII
     * @param at    when (the event's time)
     */
    Resolution resolve(Connection connection, List<Identifier> identifiers, String cause, Instant at)
            throws SQLException;

    /** Registers a hook run on every merge. */
    void onMerge(MergeHook hook);

    /**
     * True when {@code identifiers} must not be resolved (an erased person's, docs/privacy.md): the pipeline then
     * drops the event. No default on purpose: a resolver that wraps another must ask it, or erased people come back.
     */
    boolean blocked(Connection connection, List<Identifier> identifiers) throws SQLException;
}
