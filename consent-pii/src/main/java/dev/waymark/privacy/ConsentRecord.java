package dev.waymark.privacy;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One consent statement, as appended to a {@link ConsentLedger}: who, for what purpose, on which channels, what they
 * said, where it came from and when.
 *
 * @param profile  the profile (customer) id
 * @param purpose  what the data is used for
 * @param channels the channels the statement speaks for, at least one; {@link #ALL_CHANNELS} for a statement not
 *                 bound to a channel (a Global Privacy Control signal, say)
 * @param status   granted, denied or withdrawn
 * @param source   where the statement came from, e.g. {@code "kiosk"}, {@code "tcf"}, {@code "gpc"}, {@code "crm"}
 * @param time     when it was given
 * @param evidence what proves it (an IAB TCF string, a form id); empty when there is none
 */
public record ConsentRecord(String profile, Purpose purpose, Set<Channel> channels, ConsentStatus status,
        String source, Instant time, String evidence) {

    /** Every channel. */
    public static final Set<Channel> ALL_CHANNELS = Set.copyOf(EnumSet.allOf(Channel.class));

    /** Throws {@link NullPointerException} or {@link IllegalArgumentException} naming the bad component. */
    public ConsentRecord {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(evidence, "evidence");
        if (profile.isBlank()) {
            throw new IllegalArgumentException("profile: must not be blank");
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("channels: must name at least one channel");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("source: must not be blank");
        }
        channels = Set.copyOf(channels);
    }

    /** A record for one channel, without evidence. */
    public static ConsentRecord of(String profile, Purpose purpose, Channel channel, ConsentStatus status,
            String source, Instant time) {
        return new ConsentRecord(profile, purpose, Set.of(channel), status, source, time, "");
    }

    /** True when this record speaks for {@code channel}. */
    public boolean covers(Channel channel) {
        return channels.contains(channel);
    }

    /** This record moved to {@code profile}: how a profile merge re-points the consents of the merged profile. */
    public ConsentRecord forProfile(String profile) {
        return new ConsentRecord(profile, purpose, channels, status, source, time, evidence);
    }
}
