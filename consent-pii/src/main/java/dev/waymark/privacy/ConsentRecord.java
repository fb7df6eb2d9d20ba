package dev.waymark.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * One consent statement, as appended to a {@link ConsentLedger}: who, for what purpose, on which channel, what they
 * said, where it came from and when.
 *
 * @param profile  the profile (customer) id
 * @param purpose  what the data is used for
 * @param channel  the channel, or {@link Channel#ALL} for every channel
 * @param status   granted, denied or withdrawn
 * @param source   where the statement came from, e.g. {@code "kiosk"}, {@code "tcf"}, {@code "gpc"}, {@code "crm"}
 * @param time     when it was given
 * @param evidence what proves it (an IAB TCF string, a form id); empty when there is none
 */
public record ConsentRecord(String profile, Purpose purpose, Channel channel, ConsentStatus status, String source,
        Instant time, String evidence) {

    /** Throws {@link NullPointerException} or {@link IllegalArgumentException} naming the bad component. */
    public ConsentRecord {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(evidence, "evidence");
        if (profile.isBlank()) {
            throw new IllegalArgumentException("profile: must not be blank");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("source: must not be blank");
        }
    }

    /** A record without evidence. */
    public static ConsentRecord of(String profile, Purpose purpose, Channel channel, ConsentStatus status,
            String source, Instant time) {
        return new ConsentRecord(profile, purpose, channel, status, source, time, "");
    }

    /** This record moved to {@code profile}: how a profile merge re-points the consents of the merged profile. */
    public ConsentRecord forProfile(String profile) {
        return new ConsentRecord(profile, purpose, channel, status, source, time, evidence);
    }
}
