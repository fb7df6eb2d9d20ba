package dev.waymark.cloud.internal.identity;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Called inside the resolving transaction when profile {@code from} is merged into {@code into}, so each owner of
 * per-profile state (journey state, contact history, consents, counters) re-points or combines its rows.
 */
@FunctionalInterface
public interface MergeHook {

    void merged(Connection connection, String from, String into) throws SQLException;
}
