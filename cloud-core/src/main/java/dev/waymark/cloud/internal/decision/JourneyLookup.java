package dev.waymark.cloud.internal.decision;

import dev.waymark.journey.JourneyContext;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The journey context of a profile for inbound decisions (its facts are the rules' {@code journey}, and {@link
 * ProfileFacts} read it too); wired by the host to its journey state. Only reads; an unknown profile gets an empty
 * context.
 */
@FunctionalInterface
public interface JourneyLookup {

    /** The profile's journey context. */
    JourneyContext contextOf(Connection c, String profileId) throws SQLException;
}
