package dev.waymark.decision;

import dev.waymark.privacy.EffectiveConsent;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import java.util.Objects;

/**
 * The customer's effective consent as the decision sees it. The host adapts its consent ledger
 * ({@code consent-pii}'s effective consent) to this one question, so the engine does not depend on how consent is
 * stored.
 */
@FunctionalInterface
public interface ConsentView {

    /** True when the customer granted {@code purpose} on {@code channel} (a {@link Channel#wireName()}). */
    boolean permits(String purpose, String channel);

    /**
     * The view of {@code consent-pii}'s effective consent: purposes and channels by their wire names; a purpose or
     * channel it does not know is not permitted.
     */
    static ConsentView of(EffectiveConsent consent) {
        Objects.requireNonNull(consent, "consent");
        return (purpose, channel) -> Purpose.fromWireName(purpose)
                .flatMap(known -> Channel.fromWireName(channel).map(concrete -> consent.permits(known, concrete)))
                .orElse(false);
    }

    /** A view that denies every purpose: what an anonymous shopper without a consent record gets. */
    static ConsentView denyAll() {
        return (purpose, channel) -> false;
    }

    /** A view that grants every purpose; for tests and for purposes the host has already checked. */
    static ConsentView grantAll() {
        return (purpose, channel) -> true;
    }
}
