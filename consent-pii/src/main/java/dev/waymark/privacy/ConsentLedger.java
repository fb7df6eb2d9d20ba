package dev.waymark.privacy;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An append-only list of {@link ConsentRecord}s; {@link #append} returns a new ledger and never changes this one.
 *
 * <p>Effective consent, per purpose and channel: of the profile's records for that purpose that cover that channel,
 * the one with the latest {@code time} decides; at equal times the one appended later. So a later "all channels"
 * record overrides earlier per-channel ones, and a later per-channel record overrides an earlier "all channels" one
 * on its channel only. No record means unknown (see {@link EffectiveConsent#permits}).
 */
public final class ConsentLedger {

    private static final ConsentLedger EMPTY = new ConsentLedger(List.of());

    private final List<ConsentRecord> records;

    private ConsentLedger(List<ConsentRecord> records) {
        this.records = records;
    }

    /** A ledger without records. */
    public static ConsentLedger empty() {
        return EMPTY;
    }

    /** A ledger holding {@code records} in order. */
    public static ConsentLedger of(List<ConsentRecord> records) {
        return new ConsentLedger(List.copyOf(records));
    }

    /** This ledger with {@code record} appended. Copies the list: ledgers are per profile and short. */
    public ConsentLedger append(ConsentRecord record) {
        Objects.requireNonNull(record, "record");
        List<ConsentRecord> longer = new ArrayList<>(records.size() + 1);
        longer.addAll(records);
        longer.add(record);
        return new ConsentLedger(List.copyOf(longer));
    }

    /** This ledger with every record of {@code more} appended in order. */
    public ConsentLedger appendAll(List<ConsentRecord> more) {
        List<ConsentRecord> longer = new ArrayList<>(records);
        longer.addAll(more);
        return new ConsentLedger(List.copyOf(longer));
    }

    /** Every record, in append order. */
    public List<ConsentRecord> records() {
        return records;
    }

    /** The records of {@code profile}, in append order. */
    public List<ConsentRecord> recordsOf(String profile) {
        Objects.requireNonNull(profile, "profile");
        return records.stream().filter(record -> record.profile().equals(profile)).toList();
    }

    /** The effective consent of {@code profile}, derived as the class comment says. */
    public EffectiveConsent effective(String profile) {
        Map<Purpose, Map<Channel, ConsentRecord>> deciding = new EnumMap<>(Purpose.class);
        List<ConsentRecord> own = recordsOf(profile);
        for (Purpose purpose : Purpose.values()) {
            Map<Channel, ConsentRecord> channels = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                latest(own, purpose, channel).ifPresent(record -> channels.put(channel, record));
            }
            deciding.put(purpose, Map.copyOf(channels));
        }
        return new EffectiveConsent(profile, Map.copyOf(deciding));
    }

    /**
     * This ledger after profile {@code from} was merged into {@code into} at {@code time}: for each purpose and
     * channel where the merged consent ({@link EffectiveConsent#mergedWith}) differs from {@code into}'s own, a record
     * for {@code into} with the merged status, source {@code "merge"} and evidence {@code "from profile {from}"}.
     * Nothing is removed; {@code from}'s records stay as history.
     */
    public ConsentLedger mergeProfiles(String from, String into, Instant time) {
        Objects.requireNonNull(time, "time");
        EffectiveConsent current = effective(into);
        EffectiveConsent merged = current.mergedWith(effective(from));
        List<ConsentRecord> added = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            for (Channel channel : Channel.values()) {
                Optional<ConsentStatus> after = merged.status(purpose, channel);
                if (after.isPresent() && !after.equals(current.status(purpose, channel))) {
                    added.add(new ConsentRecord(into, purpose, Set.of(channel), after.get(), "merge", time,
                            "from profile " + from));
                }
            }
        }
        return appendAll(added);
    }

    private static Optional<ConsentRecord> latest(List<ConsentRecord> own, Purpose purpose, Channel channel) {
        ConsentRecord latest = null;
        for (ConsentRecord record : own) {
            boolean applies = record.purpose() == purpose && record.covers(channel);
            if (applies && (latest == null || !record.time().isBefore(latest.time()))) {
                latest = record;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Number of records. */
    public int size() {
        return records.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsentLedger ledger && records.equals(ledger.records);
    }

    @Override
    public int hashCode() {
        return records.hashCode();
    }

    @Override
    public String toString() {
        return "ConsentLedger[" + records.size() + " records]";
    }
}
