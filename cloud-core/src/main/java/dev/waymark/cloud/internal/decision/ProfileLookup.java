package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.identity.Identifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds the profile of identifiers for the inbound decision API; wired by the host to the identity graph. It only
 * reads (it also runs on reading connections, for simulations) and never creates a profile.
 */
@FunctionalInterface
public interface ProfileLookup {

    /** The profile id of the first known identifier, or {@code null} when none is known. */
    String profileIdFor(Connection c, List<Identifier> ids) throws SQLException;
}
