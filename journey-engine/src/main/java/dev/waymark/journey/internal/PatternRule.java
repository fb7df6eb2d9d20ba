package dev.waymark.journey.internal;

import dev.waymark.journey.IntentPattern;
import dev.waymark.journey.PendingTimer;
import java.time.Instant;

/** The evaluation of one {@link IntentPattern}: reacts to activities (after the context update) and timers. */
interface PatternRule {

    /** Reacts to an applied activity; {@code d.before} is the context before it. */
    void onActivity(Draft d, Occurrence o);

    /** Reacts to one of this pattern's timers firing at {@code at}; the timer is already forgotten. */
    default void onTimer(Draft d, PendingTimer timer, Instant at) {
    }

    static PatternRule of(IntentPattern pattern) {
        if (pattern instanceof IntentPattern.CartAbandonment p) {
            return new CartAbandonmentRule(p);
        }
        if (pattern instanceof IntentPattern.ServiceRequestInitiation p) {
            return new ServiceRequestRule(p);
        }
        if (pattern instanceof IntentPattern.FeatureExploration p) {
            return new CountedRule(p.name(), Facts.VIEW_PREFIX, p.views(), p.windowMinutes(), "views");
        }
        if (pattern instanceof IntentPattern.RepeatedSearchWithoutResult p) {
            return new CountedRule(p.name(), Facts.NO_RESULT, p.searches(), p.windowMinutes(), "searches");
        }
        if (pattern instanceof IntentPattern.LoyaltyRecognition p) {
            return new LoyaltyRecognitionRule(p);
        }
        return new JourneyCompletionRule((IntentPattern.JourneyCompletion) pattern);
    }
}
