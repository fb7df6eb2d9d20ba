package dev.waymark.cloud.internal.subject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Statements over a merge family's profile ids: {@code {in}} in the SQL stands for {@code (?, ?, ...)}. */
final class FamilySql {

    private FamilySql() {
    }

    /** Runs an update with {@code leading} parameters first, then the ids for each {@code {in}}; rows changed. */
    static int update(Connection c, String sql, List<String> ids, String... leading) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, ids, leading)) {
            return statement.executeUpdate();
        }
    }

    /** The first column of every row, as text. */
    static List<String> strings(Connection c, String sql, List<String> ids) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = prepare(c, sql, ids); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static PreparedStatement prepare(Connection c, String sql, List<String> ids, String... leading)
            throws SQLException {
        String in = "(" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        int uses = sql.split("\\{in}", -1).length - 1;
        PreparedStatement statement = c.prepareStatement(sql.replace("{in}", in));
        int index = 1;
        for (String value : leading) {
            statement.setString(index++, value);
        }
        for (int use = 0; use < uses; use++) {
            for (String id : ids) {
                statement.setString(index++, id);
            }
        }
        return statement;
    }
}
