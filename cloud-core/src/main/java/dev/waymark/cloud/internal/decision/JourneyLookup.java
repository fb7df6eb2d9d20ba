package dev.waymark.cloud.internal.decision;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The journey facts ({@code JourneyContext.facts()}) of a profile for inbound decisions; wired by the host to its
 * journey state. Only reads; an unknown profile gets the facts of an empty context.
 */
@FunctionalInterface
public interface JourneyLookup {

    /** The profile's journey facts as CEL rules see them in {@code journey}. */
    Map<String, Object> factsFor(Connection c, String profileId) throws SQLException;
}
