package dev.waymark.cloud.internal.profile;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A part of the profile API's answer owned by another part of the cloud (journey context, recent decisions):
 * loaded on a reading connection, put under its name in the profile's JSON.
 */
@FunctionalInterface
public interface ProfileSection {

    /** The section of {@code profileId}: a Vert.x {@code JsonObject} or {@code JsonArray}, or null for none. */
    Object load(Connection c, String profileId) throws SQLException;
}
