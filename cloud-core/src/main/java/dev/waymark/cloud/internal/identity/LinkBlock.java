package dev.waymark.cloud.internal.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Identifiers that must not link to a profile again (those of an erased person, docs/privacy.md): an event
 * carrying one is dropped before resolution, so it creates no profile.
 */
@FunctionalInterface
public interface LinkBlock {

    /** Blocks nothing. */
    LinkBlock NONE = (c, identifiers) -> false;

    /** True when any of {@code identifiers} is blocked; read in the caller's transaction. */
    boolean blocks(Connection c, List<Identifier> identifiers) throws SQLException;
}
