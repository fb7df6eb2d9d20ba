package dev.waymark.cloud.internal.decision;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.Contact;
import dev.waymark.decision.ContactHistory;
import dev.waymark.protocol.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The contact history contact policies count: one row per action shown or sent to a profile. */
public final class ContactBook {

    /** Adds {@code contact} for {@code profileId}; a second add for the same decision and action is ignored. */
    public void add(Connection c, String profileId, String decisionId, Contact contact) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO contacts (profile_id, action_id, channel, "
                + "category, at, decision_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id, action_id) "
                + "DO NOTHING")) {
            insert.setString(1, profileId);
            insert.setString(2, contact.actionId());
            insert.setString(3, contact.channel().name());
            insert.setString(4, contact.category().name());
            insert.setLong(5, contact.at().toEpochMilli());
            insert.setString(6, decisionId);
            insert.executeUpdate();
        }
    }

    /** The profile's contacts after {@code since}. */
    public ContactHistory history(Connection c, String profileId, Instant since) throws SQLException {
        List<Contact> contacts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT action_id, channel, category, at FROM contacts "
                + "WHERE profile_id = ? AND at > ? ORDER BY at")) {
            select.setString(1, profileId);
            select.setLong(2, since.toEpochMilli());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    contacts.add(new Contact(rs.getString(1), Channel.valueOf(rs.getString(2)),
                            ActionCategory.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
        return ContactHistory.of(contacts);
    }

    /** Re-points a merged profile's contacts, so caps keep counting them (an identity {@code MergeHook}). */
    public void merged(Connection c, String from, String into) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE contacts SET profile_id = ? WHERE profile_id = ?")) {
            update.setString(1, into);
            update.setString(2, from);
            update.executeUpdate();
        }
    }
}
