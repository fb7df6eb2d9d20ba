package dev.waymark.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentPatternsTest {

    @Test
    void defaults_shipFiveKinds() {
        IntentPatterns underTest = IntentPatterns.defaults();

        assertThat(underTest.all()).extracting(IntentPattern::kind).containsExactly("cart_abandonment",
                "service_request_initiation", "feature_exploration", "repeated_search_without_result",
                "journey_completion");
        assertThat(underTest.named("feature_exploration")).contains(new IntentPattern.FeatureExploration(
                "feature_exploration", 4, 10));
    }

    @Test
    void parse_zeroWindow_isRejectedNamingPatternAndField() {
        Loaded<IntentPatterns, PatternError> loaded = IntentPatterns.parse("""
                {"patterns": [{"name": "cart_abandonment", "kind": "cart_abandonment", "windowMinutes": 0}]}
                """);

        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.errors()).extracting(PatternError::toString)
                .containsExactly("cart_abandonment.windowMinutes: must be > 0");
    }

    @Test
    void parse_collectsEveryError() {
        Loaded<IntentPatterns, PatternError> loaded = IntentPatterns.parse("""
                {"patterns": [
                  {"name": "browse", "kind": "feature_exploration", "views": "four", "windowMinute": 10},
                  {"name": "browse", "kind": "teleport"},
                  {"kind": "journey_completion"}
                ]}
                """);

        assertThat(loaded.errors()).extracting(PatternError::toString).containsExactlyInAnyOrder(
                "browse.windowMinute: unknown field",
                "browse.views: must be an integer",
                "browse.windowMinutes: is required",
                "browse.name: is used by more than one pattern",
                "browse.kind: unknown kind 'teleport'",
                "patterns[2].name: is required");
    }

    @Test
    void parse_thresholdAboveCounterCapacity_isRejected() {
        Loaded<IntentPatterns, PatternError> loaded = IntentPatterns.parse("""
                {"patterns": [{"name": "r", "kind": "repeated_search_without_result", "searches": 65,
                  "windowMinutes": 10}]}
                """);

        assertThat(loaded.errors()).extracting(PatternError::toString).containsExactly("r.searches: must be <= 64");
    }

    @Test
    void parse_notJson_isRejectedNotThrown() {
        Loaded<IntentPatterns, PatternError> loaded = IntentPatterns.parse("{\"patterns\": [");

        assertThat(loaded.errors()).singleElement().satisfies(e -> assertThat(e.pattern()).isEqualTo("document"));
        assertThatThrownBy(loaded::orElseThrow).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void toJson_readsBackEqual() {
        IntentPatterns underTest = IntentPatterns.defaults();

        assertThat(IntentPatterns.parse(underTest.toJson()).orElseThrow()).isEqualTo(underTest);
    }

    @Test
    void of_duplicateNames_throwsNamingTheField() {
        List<IntentPattern> twins = List.of(new IntentPattern.JourneyCompletion("x"),
                new IntentPattern.ServiceRequestInitiation("x"));

        assertThatThrownBy(() -> IntentPatterns.of(twins)).hasMessage("x.name: is used by more than one pattern");
    }

    @Test
    void patternRecords_validateInConstructor() {
        assertThatThrownBy(() -> new IntentPattern.FeatureExploration("Bad Name", 3, 10)).hasMessageStartingWith(
                "name:");
        assertThatThrownBy(() -> new IntentPattern.FeatureExploration("ok", 3, 24 * 60 + 1))
                .hasMessage("windowMinutes: must be <= 1440");
    }

    @Test
    void valueTypes_honourEqualsAndHashCode() {
        assertThat(new PatternError("a", "b", "c")).isEqualTo(new PatternError("a", "b", "c"))
                .hasSameHashCodeAs(new PatternError("a", "b", "c")).isNotEqualTo(new PatternError("a", "b", "d"));
        assertThat(new IntentPattern.CartAbandonment("c", 30, true)).isEqualTo(new IntentPattern.CartAbandonment(
                "c", 30, true)).hasSameHashCodeAs(new IntentPattern.CartAbandonment("c", 30, true))
                .isNotEqualTo(new IntentPattern.CartAbandonment("c", 30, false));
        assertThat(IntentPatterns.defaults()).isEqualTo(IntentPatterns.defaults())
                .hasSameHashCodeAs(IntentPatterns.defaults());
    }
}
