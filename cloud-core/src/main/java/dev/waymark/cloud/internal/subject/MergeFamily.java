package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One person as the store knows them: the live profile an identifier leads to, every profile merged into it (a
 * merged profile keeps its row, pointing straight at its survivor), the identifiers they hold and their decisions.
 *
 * @param survivor    the live profile
 * @param profileIds  the survivor first, then the merged ones
 * @param identities  every identifier linked to any of them
 * @param decisionIds the decisions made for any of them
 */
record MergeFamily(String survivor, List<String> profileIds, List<Identifier> identities, List<String> decisionIds) {

    MergeFamily {
        profileIds = List.copyOf(profileIds);
        identities = List.copyOf(identities);
        decisionIds = List.copyOf(decisionIds);
    }

    /** The family of the profile {@code addressed} leads to; empty when no profile holds it. */
    static Optional<MergeFamily> of(Connection c, Identifier addressed) throws SQLException {
        Optional<String> survivor = ProfileDirectory.find(c, addressed);
        if (survivor.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(List.of(survivor.get()));
        ids.addAll(FamilySql.strings(c, "SELECT profile_id FROM profiles WHERE merged_into IN {in} ORDER BY profile_id",
                List.of(survivor.get())));
        List<Identifier> identities = new ArrayList<>();
        try (PreparedStatement select = FamilySql.prepare(c, "SELECT namespace, value FROM identities "
                + "WHERE profile_id IN {in} ORDER BY linked_at, namespace, value", ids);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                identities.add(new Identifier(rows.getString(1), rows.getString(2)));
            }
        }
        List<String> decisions = FamilySql.strings(c, "SELECT decision_id FROM decisions WHERE profile_id IN {in} "
                + "ORDER BY decision_id", ids);
        return Optional.of(new MergeFamily(survivor.get(), ids, identities, decisions));
    }
}
