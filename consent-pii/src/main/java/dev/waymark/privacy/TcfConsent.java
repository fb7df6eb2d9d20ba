package dev.waymark.privacy;

import com.iabtcf.decoder.TCString;
import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of an IAB TCF v2 consent string (decoded with {@code com.iabtcf.decoder.TCString}) that Waymark uses,
 * and their meaning for our {@link Purpose}s.
 *
 * <p>Mapping of the TCF purposes: 2 (limited data to select advertising), 3 and 4 (profiles for personalised
 * advertising) to {@link Purpose#MARKETING}; 5 and 6 (profiles for personalised content) and 11 (limited data to
 * select content) to {@link Purpose#PERSONALIZATION}; 7, 8 (measure advertising and content performance), 9
 * (audience statistics) and 10 (develop and improve services) to {@link Purpose#ANALYTICS}. Purpose 1 (store or
 * access information on a device) is a precondition of all three, unless the string sets purpose-one treatment
 * (the publisher's country does not require it). Our purpose is GRANTED only when every TCF purpose mapped to it has
 * consent, otherwise DENIED: the most restrictive reading. Legitimate-interest transparency is not consent and
 * grants nothing. {@link Purpose#SERVICE} has no TCF counterpart, so a TC string says nothing about it.
 *
 * @param tcString            the string as received, kept as evidence
 * @param version             TCF version, always 2
 * @param policyVersion       TCF policy version
 * @param cmpId               id of the consent management platform
 * @param created             when the string was first created
 * @param lastUpdated         when it was last updated
 * @param purposesConsent     TCF purposes (1-24) with consent
 * @param purposeOneTreatment true when purpose 1 was not disclosed because the publisher's country does not need it
 */
public record TcfConsent(String tcString, int version, int policyVersion, int cmpId, Instant created,
        Instant lastUpdated, Set<Integer> purposesConsent, boolean purposeOneTreatment) {

    /** Source written on records made from a TC string. */
    public static final String SOURCE = "tcf";

    private static final Map<Purpose, Set<Integer>> MAPPING = Map.of(
            Purpose.MARKETING, Set.of(2, 3, 4),
            Purpose.PERSONALIZATION, Set.of(5, 6, 11),
            Purpose.ANALYTICS, Set.of(7, 8, 9, 10));

    /** Copies {@code purposesConsent}; throws {@link NullPointerException} naming a missing component. */
    public TcfConsent {
        Objects.requireNonNull(tcString, "tcString");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        purposesConsent = Set.copyOf(purposesConsent);
    }

    /**
     * Decodes {@code tcString}. A string that is empty, not base64url, truncated, or of a TCF version other than 2
     * is {@link TcfDecoding.Rejected} with a reason naming {@code tcString}; this method does not throw for bad input.
     */
    public static TcfDecoding decode(String tcString) {
        Objects.requireNonNull(tcString, "tcString");
        if (tcString.isBlank()) {
            return new TcfDecoding.Rejected("tcString: empty");
        }
        try {
            TCString decoded = TCString.decode(tcString.strip());
            if (decoded.getVersion() != 2) {
                return new TcfDecoding.Rejected(
                        "tcString: TCF version " + decoded.getVersion() + " is not supported, only version 2");
            }
            // The decoder reads fields lazily, so a truncated string fails on a getter, inside this try.
            return new TcfDecoding.Decoded(new TcfConsent(tcString.strip(), decoded.getVersion(),
                    decoded.getTcfPolicyVersion(), decoded.getCmpId(), decoded.getCreated(),
                    decoded.getLastUpdated(), new TreeSet<>(decoded.getPurposesConsent().toSet()),
                    decoded.getPurposeOneTreatment()));
        } catch (RuntimeException e) {
            // The library signals bad input with IllegalArgumentException (base64), ByteParseException,
            // UnsupportedVersionException and TCStringDecodeException, all unchecked.
            return new TcfDecoding.Rejected("tcString: not a valid TC string ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** GRANTED or DENIED for marketing, personalization and analytics, by the mapping in the class comment. */
    public Map<Purpose, ConsentStatus> purposes() {
        Map<Purpose, ConsentStatus> purposes = new EnumMap<>(Purpose.class);
        boolean deviceAccess = purposeOneTreatment || purposesConsent.contains(1);
        MAPPING.forEach((purpose, tcfPurposes) -> purposes.put(purpose,
                deviceAccess && purposesConsent.containsAll(tcfPurposes)
                        ? ConsentStatus.GRANTED : ConsentStatus.DENIED));
        return Map.copyOf(purposes);
    }

    /**
     * Ledger records for {@link #purposes()}: one per purpose, for {@code profile} on {@code channel} at
     * {@code time}, source {@value #SOURCE}, the TC string as evidence. In purpose order.
     */
    public List<ConsentRecord> toRecords(String profile, Channel channel, Instant time) {
        List<ConsentRecord> records = new ArrayList<>();
        Map<Purpose, ConsentStatus> purposes = purposes();
        for (Purpose purpose : Purpose.values()) {
            if (purposes.containsKey(purpose)) {
                records.add(new ConsentRecord(profile, purpose, Set.of(channel), purposes.get(purpose), SOURCE, time,
                        tcString));
            }
        }
        return List.copyOf(records);
    }
}
