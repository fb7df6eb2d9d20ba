package dev.waymark.privacy;

import java.util.Locale;
import java.util.Optional;

/** What personal data is used for, as consent records name it. */
public enum Purpose {
    /** Offers and promotions, including the sale or sharing of data for advertising. Needs a grant. */
    MARKETING,
    /** Tailoring content and next-best actions to the person. Needs a grant. */
    PERSONALIZATION,
    /** Measurement and statistics about the person's behaviour. Needs a grant. */
    ANALYTICS,
    /**
     * Service messages the person asked for or needs (receipts, order and help updates): legitimate interest, so
     * allowed without a record, unless the person objected with a denial or withdrawal.
     */
    SERVICE;

    /** The lower-case name used on the wire ({@code "marketing"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively; empty when it names no purpose. */
    public static Optional<Purpose> fromWireName(String name) {
        for (Purpose purpose : values()) {
            if (purpose.wireName().equalsIgnoreCase(name)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
