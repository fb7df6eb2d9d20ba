package dev.waymark.edge.internal;

import dev.waymark.decision.ConsentView;
import dev.waymark.journey.JourneyContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the agent knows about the shopper of one kiosk session, for offline decisions: the journey context, the
 * loyalty token once a card was scanned (already masked), and the consents given on screen.
 */
final class ShopperSession {

    private final String sessionId;
    private final Set<String> granted = new HashSet<>();
    private JourneyContext journey;
    private Optional<String> loyaltyToken = Optional.empty();

    ShopperSession(String sessionId) {
        this.sessionId = sessionId;
        this.journey = JourneyContext.empty(sessionId);
    }

    JourneyContext journey() {
        return journey;
    }

    void journey(JourneyContext next) {
        journey = next;
    }

    void loyaltyToken(String token) {
        loyaltyToken = Optional.of(token);
    }

    void consent(String purpose, String channel, boolean grant) {
        if (grant) {
            granted.add(purpose + "|" + channel);
        } else {
            granted.remove(purpose + "|" + channel);
        }
    }

    /** The control-group key the cloud uses too: the loyalty token when known, else the kiosk session. */
    String holdoutKey() {
        return loyaltyToken.orElse(sessionId);
    }

    ConsentView consent() {
        Set<String> snapshot = Set.copyOf(granted);
        return (purpose, channel) -> snapshot.contains(purpose + "|" + channel);
    }
}
