package dev.waymark.cloud.internal.consent;

import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.EffectiveConsent;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON of consents in the profile and consent APIs. */
public final class ConsentJson {

    private ConsentJson() {
    }

    /** {@code {effective: ..., history: [...]}} of the profile. */
    public static JsonObject of(ConsentLedgerBook book, Connection c, String profileId) throws SQLException {
        List<StoredConsent> history = book.history(c, profileId);
        return new JsonObject().put("effective", effective(book.effective(c, profileId)))
                .put("history", history(history));
    }

    /**
     * Per purpose, per channel: {@code {status: granted|denied|withdrawn|none, permitted: bool, source?, at?}},
     * where {@code permitted} is what decisions use (service is permitted without a record).
     */
    public static JsonObject effective(EffectiveConsent consent) {
        JsonObject purposes = new JsonObject();
        for (Purpose purpose : Purpose.values()) {
            JsonObject channels = new JsonObject();
            for (Channel channel : Channel.values()) {
                Optional<ConsentRecord> deciding = consent.decidedBy(purpose, channel);
                JsonObject cell = new JsonObject()
                        .put("status", deciding.map(record -> lower(record.status().name())).orElse("none"))
                        .put("permitted", consent.permits(purpose, channel));
                deciding.ifPresent(record -> cell.put("source", record.source()).put("at", record.time().toString()));
                channels.put(channel.wireName(), cell);
            }
            purposes.put(purpose.wireName(), channels);
        }
        return purposes;
    }

    /** Every record in append order: {@code {recordId, purpose, channels, status, source, at, evidence, givenBy}}. */
    public static JsonArray history(List<StoredConsent> rows) {
        JsonArray history = new JsonArray();
        for (StoredConsent row : rows) {
            history.add(record(row));
        }
        return history;
    }

    /** One record's JSON. */
    public static JsonObject record(StoredConsent row) {
        ConsentRecord record = row.record();
        JsonArray channels = new JsonArray();
        record.channels().stream().map(Channel::wireName).sorted().forEach(channels::add);
        return new JsonObject().put("recordId", row.recordId()).put("purpose", record.purpose().wireName())
                .put("channels", channels).put("status", lower(record.status().name()))
                .put("source", record.source()).put("at", record.time().toString())
                .put("evidence", record.evidence()).put("givenBy", row.givenBy());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
