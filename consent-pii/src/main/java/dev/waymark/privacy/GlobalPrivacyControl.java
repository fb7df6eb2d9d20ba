package dev.waymark.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Global Privacy Control signal of a web request ({@code Sec-GPC} header, GPC specification section 3): a
 * person's request not to have their data sold or shared. Waymark reads it as a denial of {@link Purpose#MARKETING}
 * on every channel ({@link ConsentRecord#ALL_CHANNELS}), since selling and sharing is not bound to a channel.
 *
 * @param enabled true when the header's value is {@code 1}
 */
public record GlobalPrivacyControl(boolean enabled) {

    /** Source written on records made from the signal. */
    public static final String SOURCE = "gpc";
    /** Evidence written on records made from the signal. */
    public static final String EVIDENCE = "Sec-GPC: 1";

    /**
     * Reads a {@code Sec-GPC} header value. The specification's only valid value is {@code 1}; surrounding
     * whitespace is ignored, and any other value, or an empty one for an absent header, is no signal.
     */
    public static GlobalPrivacyControl fromHeader(String headerValue) {
        Objects.requireNonNull(headerValue, "headerValue");
        return new GlobalPrivacyControl(headerValue.strip().equals("1"));
    }

    /** The ledger records the signal asks for: one MARKETING denial on every channel, or none when not enabled. */
    public List<ConsentRecord> toRecords(String profile, Instant time) {
        if (!enabled) {
            return List.of();
        }
        return List.of(new ConsentRecord(profile, Purpose.MARKETING, ConsentRecord.ALL_CHANNELS, ConsentStatus.DENIED,
                SOURCE, time, EVIDENCE));
    }
}
