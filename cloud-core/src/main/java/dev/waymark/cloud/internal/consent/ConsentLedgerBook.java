package dev.waymark.cloud.internal.consent;

import dev.waymark.cloud.internal.identity.MergeHook;
import dev.waymark.decision.ConsentView;
import dev.waymark.privacy.ConsentLedger;
import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.EffectiveConsent;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.UlidGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link ConsentBook} over the store's append-only {@code consent_records}, with consent-pii's effective
 * consent. It is also the {@link MergeHook} that merges consents: register it with
 * {@code identityGraph.onMerge(book)}.
 */
public final class ConsentLedgerBook implements ConsentBook, MergeHook {

    /** Source of the records a merge writes. */
    public static final String MERGE_SOURCE = "merge";

    private final UlidGenerator ids;
    private final Clock clock;

    /**
     * A book making record ids with {@code ids} (one generator per process, so ids follow append order) and
     * taking merge times from {@code clock}.
     */
    public ConsentLedgerBook(UlidGenerator ids, Clock clock) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(Connection connection, String profileId, CloudEvent event) throws SQLException {
        List<ConsentRecord> statements = ConsentStatements.of(profileId, event);
        if (statements.isEmpty()) {
            return;
        }
        EffectiveConsent current = effective(connection, profileId);
        for (ConsentRecord statement : statements) {
            if (!repeats(current, statement)) {
                append(connection, statement);
            }
        }
    }

    @Override
    public ConsentView view(Connection connection, String profileId) throws SQLException {
        return ConsentView.of(effective(connection, profileId));
    }

    /** Appends {@code record} as given by its profile; returns the stored row. */
    public StoredConsent append(Connection connection, ConsentRecord record) throws SQLException {
        StoredConsent row = new StoredConsent(ids.next().value(), record.profile(), record);
        ConsentRows.append(connection, row);
        return row;
    }

    /** The profile's effective consent (consent-pii's derivation over its records). */
    public EffectiveConsent effective(Connection connection, String profileId) throws SQLException {
        return ledger(history(connection, profileId)).effective(profileId);
    }

    /** Every record the profile owns, merged ones included, in append order. */
    public List<StoredConsent> history(Connection connection, String profileId) throws SQLException {
        return ConsentRows.ledger(connection, profileId);
    }

    /**
     * Moves {@code from}'s records to {@code into}, then appends, per purpose and channel, a {@value #MERGE_SOURCE}
     * record wherever the moved records would decide otherwise than consent-pii's merge (the most restrictive
     * statement wins). Needed because a moved grant that is later than {@code into}'s denial would otherwise win.
     */
    @Override
    public void merged(Connection connection, String from, String into) throws SQLException {
        List<StoredConsent> theirs = history(connection, from);
        if (theirs.isEmpty()) {
            return;
        }
        List<StoredConsent> mine = history(connection, into);
        EffectiveConsent target = ledger(mine).effective(into).mergedWith(ledger(theirs).effective(from));
        ConsentRows.repoint(connection, from, into);
        EffectiveConsent moved = effective(connection, into);
        Instant at = latest(mine, theirs);
        for (Purpose purpose : Purpose.values()) {
            for (Channel channel : Channel.values()) {
                Optional<ConsentRecord> wanted = target.decidedBy(purpose, channel);
                if (wanted.isPresent() && !wanted.get().status().equals(moved.status(purpose, channel).orElse(null))) {
                    append(connection, new ConsentRecord(into, purpose, Set.of(channel),
                            wanted.get().status(), MERGE_SOURCE, at, "from profile " + from));
                }
            }
        }
    }

    /** The later of the clock and the newest record, so a merge record is the latest statement it must be. */
    private Instant latest(List<StoredConsent> mine, List<StoredConsent> theirs) {
        Instant now = clock.instant();
        return Stream.concat(mine.stream(), theirs.stream()).map(row -> row.record().time())
                .max(Comparator.naturalOrder()).filter(newest -> newest.isAfter(now)).orElse(now);
    }

    private static boolean repeats(EffectiveConsent current, ConsentRecord statement) {
        for (Channel channel : statement.channels()) {
            Optional<ConsentRecord> deciding = current.decidedBy(statement.purpose(), channel);
            if (deciding.isEmpty() || deciding.get().status() != statement.status()
                    || !deciding.get().source().equals(statement.source())
                    || !deciding.get().evidence().equals(statement.evidence())) {
                return false;
            }
        }
        return true;
    }

    private static ConsentLedger ledger(List<StoredConsent> rows) {
        List<ConsentRecord> records = new ArrayList<>(rows.size());
        rows.forEach(row -> records.add(row.record()));
        return ConsentLedger.of(records);
    }
}
