package dev.waymark.journey;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A declarative intent pattern. Patterns are data: {@link IntentPatterns#parse(String)} reads them from JSON
 * and the {@link JourneyEngine} evaluates them incrementally. The intent a pattern emits carries the pattern's
 * {@link #name()}. Constructors throw {@link IllegalArgumentException} naming the field; the JSON loader
 * reports the same checks as {@link PatternError}s instead.
 */
public sealed interface IntentPattern {

    /** Largest window of a counted pattern; counters keep at most this much history. */
    int MAX_COUNT_WINDOW_MINUTES = 24 * 60;
    /** Largest threshold of a counted pattern; counters keep at most this many timestamps per key. */
    int MAX_THRESHOLD = 64;
    /** Largest cart-abandonment delay (31 days), enough for a web cart that lives for weeks. */
    int MAX_TIMER_MINUTES = 31 * 24 * 60;

    /** Pattern names are short snake_case identifiers, because they end up in timer ids and CEL facts. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** The name the emitted intents carry; unique within one {@link IntentPatterns}. */
    String name();

    /** The JSON {@code kind} of this pattern. */
    String kind();

    /**
     * A cart add, then no checkout or purchase within {@code windowMinutes} (a timer), or the session ends
     * with items in the cart when {@code onSessionEnd} is set.
     */
    record CartAbandonment(String name, int windowMinutes, boolean onSessionEnd) implements IntentPattern {
        public CartAbandonment {
            checkName(name);
            checkRange(windowMinutes, 1, MAX_TIMER_MINUTES, "windowMinutes");
        }

        @Override
        public String kind() {
            return "cart_abandonment";
        }
    }

    /** A service inquiry opens a service journey; the first inquiry for a journey emits the intent. */
    record ServiceRequestInitiation(String name) implements IntentPattern {
        public ServiceRequestInitiation {
            checkName(name);
        }

        @Override
        public String kind() {
            return "service_request_initiation";
        }
    }

    /** At least {@code views} product views in one category within {@code windowMinutes}. */
    record FeatureExploration(String name, int views, int windowMinutes) implements IntentPattern {
        public FeatureExploration {
            checkName(name);
            checkRange(views, 1, MAX_THRESHOLD, "views");
            checkRange(windowMinutes, 1, MAX_COUNT_WINDOW_MINUTES, "windowMinutes");
        }

        @Override
        public String kind() {
            return "feature_exploration";
        }
    }

    /** At least {@code searches} searches without a result within {@code windowMinutes}. */
    record RepeatedSearchWithoutResult(String name, int searches, int windowMinutes) implements IntentPattern {
        public RepeatedSearchWithoutResult {
            checkName(name);
            checkRange(searches, 1, MAX_THRESHOLD, "searches");
            checkRange(windowMinutes, 1, MAX_COUNT_WINDOW_MINUTES, "windowMinutes");
        }

        @Override
        public String kind() {
            return "repeated_search_without_result";
        }
    }

    /**
     * A loyalty card scan: the shopper made themselves known. Fires on the first scan of a session, not again for
     * a second scan in the same session.
     */
    record LoyaltyRecognition(String name) implements IntentPattern {
        public LoyaltyRecognition {
            checkName(name);
        }

        @Override
        public String kind() {
            return "loyalty_recognition";
        }
    }

    /** A purchase closes an open purchase journey; a resolution closes an open service journey. */
    record JourneyCompletion(String name) implements IntentPattern {
        public JourneyCompletion {
            checkName(name);
        }

        @Override
        public String kind() {
            return "journey_completion";
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must match " + NAME.pattern());
        }
    }

    private static void checkRange(int value, int min, int max, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": must be > " + (min - 1));
        }
        if (value > max) {
            throw new IllegalArgumentException(field + ": must be <= " + max);
        }
    }
}
