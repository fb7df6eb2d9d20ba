package dev.waymark.cloud.internal.consent;

import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The SQL of the {@code consent_records} table ({@code V11__consent_ledger.sql}), in the caller's transaction. */
final class ConsentRows {

    private ConsentRows() {
    }

    static void append(Connection c, StoredConsent row) throws SQLException {
        ConsentRecord record = row.record();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO consent_records (record_id, profile_id, "
                + "given_by, purpose, channels, status, source, stated_at, evidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.recordId());
            insert.setString(2, record.profile());
            insert.setString(3, row.givenBy());
            insert.setString(4, record.purpose().wireName());
            insert.setString(5, record.channels().stream().map(Channel::wireName).sorted()
                    .collect(Collectors.joining(",")));
            insert.setString(6, record.status().name().toLowerCase(Locale.ROOT));
            insert.setString(7, record.source());
            insert.setLong(8, record.time().toEpochMilli());
            insert.setString(9, record.evidence());
            insert.executeUpdate();
        }
    }

    /** The rows owned by {@code profileId}, in append order. */
    static List<StoredConsent> ledger(Connection c, String profileId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT record_id, given_by, purpose, channels, status, "
                + "source, stated_at, evidence FROM consent_records WHERE profile_id = ? ORDER BY record_id")) {
            select.setString(1, profileId);
            List<StoredConsent> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ConsentRecord record = new ConsentRecord(profileId,
                            Purpose.fromWireName(result.getString(3)).orElseThrow(),
                            channels(result.getString(4)),
                            ConsentStatus.valueOf(result.getString(5).toUpperCase(Locale.ROOT)),
                            result.getString(6), Instant.ofEpochMilli(result.getLong(7)), result.getString(8));
                    rows.add(new StoredConsent(result.getString(1), result.getString(2), record));
                }
            }
            return rows;
        }
    }

    /** Moves every row of {@code from} to {@code into}; {@code given_by} keeps where each came from. */
    static void repoint(Connection c, String from, String into) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE consent_records SET profile_id = ? WHERE profile_id = ?")) {
            update.setString(1, into);
            update.setString(2, from);
            update.executeUpdate();
        }
    }

    private static Set<Channel> channels(String text) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : text.split(",")) {
            channels.add(Channel.fromWireName(name).orElseThrow());
        }
        return channels;
    }
}
