package dev.waymark.privacy;

import dev.waymark.protocol.Channel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile's consent as derived from its ledger records: per purpose and channel, the record that decides
 * it, or none (unknown). {@link #permits} answers the question a decision asks. Immutable.
 */
public final class EffectiveConsent {

    private final String profile;
    private final Map<Purpose, Map<Channel, ConsentRecord>> deciding;

    EffectiveConsent(String profile, Map<Purpose, Map<Channel, ConsentRecord>> deciding) {
        this.profile = profile;
        this.deciding = deciding;
    }

    /** The profile this consent belongs to. */
    public String profile() {
        return profile;
    }

    /** The stated status for {@code purpose} on {@code channel}; empty when no record speaks for it. */
    public Optional<ConsentStatus> status(Purpose purpose, Channel channel) {
        return decidedBy(purpose, channel).map(ConsentRecord::status);
    }

    /** The record that decides {@code purpose} on {@code channel}, for explanations; empty when unknown. */
    public Optional<ConsentRecord> decidedBy(Purpose purpose, Channel channel) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        return Optional.ofNullable(deciding.getOrDefault(purpose, Map.of()).get(channel));
    }

    /**
     * True when data may be used for {@code purpose} on {@code channel}: a grant permits, a denial or withdrawal
     * does not, and without a record only {@link Purpose#SERVICE} is permitted (legitimate interest); marketing,
     * personalization and analytics need a grant.
     */
    public boolean permits(Purpose purpose, Channel channel) {
        return status(purpose, channel)
                .map(status -> status == ConsentStatus.GRANTED)
                .orElse(purpose == Purpose.SERVICE);
    }

    /**
     * The consent of this profile merged with {@code other}'s, kept under this profile's id: per purpose and
     * channel the most restrictive statement wins. A denial or withdrawal beats a grant whatever their times (the
     * same person said no under one of the profiles); a statement beats no statement (a grant given under either
     * profile still stands); between two statements of equal weight the later one decides.
     */
    public EffectiveConsent mergedWith(EffectiveConsent other) {
        Objects.requireNonNull(other, "other");
        Map<Purpose, Map<Channel, ConsentRecord>> merged = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            Map<Channel, ConsentRecord> channels = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                Optional<ConsentRecord> mine = decidedBy(purpose, channel);
                Optional<ConsentRecord> theirs = other.decidedBy(purpose, channel);
                mine.map(record -> theirs.map(t -> moreRestrictive(record, t)).orElse(record))
                        .or(() -> theirs)
                        .ifPresent(record -> channels.put(channel, record));
            }
            merged.put(purpose, Map.copyOf(channels));
        }
        return new EffectiveConsent(profile, Map.copyOf(merged));
    }

    private static ConsentRecord moreRestrictive(ConsentRecord a, ConsentRecord b) {
        int weightA = weight(a.status());
        int weightB = weight(b.status());
        if (weightA != weightB) {
            return weightA > weightB ? a : b;
        }
        return b.time().isAfter(a.time()) ? b : a;
    }

    private static int weight(ConsentStatus status) {
        return status == ConsentStatus.GRANTED ? 0 : 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EffectiveConsent consent && profile.equals(consent.profile)
                && deciding.equals(consent.deciding);
    }

    @Override
    public int hashCode() {
        return 31 * profile.hashCode() + deciding.hashCode();
    }

    @Override
    public String toString() {
        return "EffectiveConsent[profile=" + profile + ", deciding=" + deciding + "]";
    }
}
