package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import dev.waymark.journey.IntentPattern.LoyaltyRecognition;
import java.util.Locale;
import java.util.Map;

/**
 * Loyalty recognition: the first loyalty scan of a session fires. The session that last fired is kept as one
 * {@code lastFired} mark ({@code name/sessionId}), so a second scan in the same session does not fire again.
 */
final class LoyaltyRecognitionRule implements PatternRule {

    private static final int MAX_MARKS = 64;

    private final LoyaltyRecognition pattern;

    LoyaltyRecognitionRule(LoyaltyRecognition pattern) {
        this.pattern = pattern;
    }

    @Override
    public void onActivity(Draft d, Occurrence o) {
        if (o.activity() != Activity.LOYALTY_SCAN) {
            return;
        }
        String sessionId = o.session().id();
        String markKey = pattern.name() + "/" + sessionId;
        if (d.lastFired.containsKey(markKey)) {
            return;
        }
        d.lastFired.keySet().removeIf(key -> key.startsWith(pattern.name() + "/"));
        d.lastFired.put(markKey, o.at());
        while (d.lastFired.size() > MAX_MARKS) {
            d.lastFired.entrySet().stream().filter(e -> !e.getKey().equals(markKey))
                    .min(Map.Entry.comparingByValue()).ifPresent(e -> d.lastFired.remove(e.getKey()));
        }
        d.emit(pattern.name(), o.at(), o.eventId(), Map.of(
                "channel", o.facts().channel().name().toLowerCase(Locale.ROOT),
                "sessionId", sessionId));
    }
}
