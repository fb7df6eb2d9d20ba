package dev.waymark.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentRuleTest {

    @Test
    void matches_readsProfileAndJourneyFacts_intsAsCelInts() {
        SegmentRule underTest = SegmentRule.compile("'web' in profile.channels && journey.cartItems >= 2");

        assertThat(underTest.matches(Map.of("channels", List.of("web")), Map.of("cartItems", 2))).isTrue();
        assertThat(underTest.matches(Map.of("channels", List.of("kiosk")), Map.of("cartItems", 2))).isFalse();
        assertThat(underTest.matches(Map.of("channels", List.of("web")), Map.of("cartItems", 1))).isFalse();
    }

    @Test
    void matches_factTheProfileLacks_isFalseRatherThanAnError() {
        SegmentRule underTest = SegmentRule.compile("journey.cartValue > 50.5");

        assertThat(underTest.matches(Map.of(), Map.of())).isFalse();
        assertThat(underTest.matches(Map.of(), Map.of("cartValue", 60))).isTrue();
    }

    @Test
    void compile_syntaxError_throwsTheCompilersMessageWithLineAndColumn() {
        assertThatThrownBy(() -> SegmentRule.compile("journey.cartItems >"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1:");
    }

    @Test
    void compile_notABoolean_orAnUnknownVariable_isRefused() {
        assertThatThrownBy(() -> SegmentRule.compile("size(profile.channels)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentRule.compile("event.type == 'x'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event");
        assertThatThrownBy(() -> SegmentRule.compile(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("is required");
    }

    @Test
    void source_isTheStrippedExpression() {
        assertThat(SegmentRule.compile("  true \n").source()).isEqualTo("true");
    }
}
