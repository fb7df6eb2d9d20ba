package dev.waymark.decision.internal;

import static dev.waymark.decision.internal.Fixtures.NOW;
import static dev.waymark.decision.internal.Fixtures.action;
import static dev.waymark.decision.internal.Fixtures.candidate;
import static dev.waymark.decision.internal.Fixtures.request;
import static dev.waymark.decision.internal.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.ActionCategory;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.StageName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EligibilityStageTest {

    private final EligibilityStage underTest = new EligibilityStage();

    @Test
    void apply_ruleTrueOrFalse_keepsOrRemovesWithReason() {
        DecisionState state = state(request().journey(Map.of("stage", "purchase", "cartValue", 6000)).build(),
                DecisionPolicies.defaults(), List.of(
                        action("big-cart", ActionCategory.SALES).eligibility("journey.cartValue > 5000").build(),
                        action("loyal", ActionCategory.SALES).eligibility("journey.stage == 'loyalty'").build()));

        underTest.apply(state);

        assertThat(candidate(state, "big-cart").alive()).isTrue();
        assertThat(candidate(state, "loyal").removedAt()).isEqualTo(StageName.ELIGIBILITY);
        assertThat(candidate(state, "loyal").reason()).isEqualTo("rule is false");
    }

    @Test
    void apply_missingFact_removesOnlyThatCandidateWithCelError() {
        DecisionState state = state(request().build(), DecisionPolicies.defaults(), List.of(
                action("needs-tier", ActionCategory.SALES).eligibility("profile.tier == 'gold'").build(),
                action("always", ActionCategory.CARE).build()));

        underTest.apply(state);

        assertThat(candidate(state, "needs-tier").reason()).startsWith("rule could not be evaluated")
                .contains("tier");
        assertThat(candidate(state, "always").alive()).isTrue();
    }

    @Test
    void apply_outsideValidityWindow_isRemoved() {
        DecisionState state = state(request().build(), DecisionPolicies.defaults(), List.of(
                action("expired", ActionCategory.SALES).validity(NOW.minus(Duration.ofDays(2)),
                        NOW.minus(Duration.ofDays(1))).build(),
                action("starts-now", ActionCategory.SALES).validity(NOW, NOW.plusSeconds(1)).build()));

        underTest.apply(state);

        assertThat(candidate(state, "expired").reason()).startsWith("outside validity window");
        assertThat(candidate(state, "starts-now").alive()).isTrue();
    }

    @Test
    void apply_noProfileAtEdge_keepsOnlyEdgeDecidable() {
        DecisionRequest edge = DecisionRequest.builder(DecisionMode.TRIGGERED, "d-2", "kiosk-session-9", Channel.KIOSK,
                "home", NOW).intent("cart_abandonment").build();
        DecisionState state = state(edge, DecisionPolicies.defaults(), List.of(
                action("edge", ActionCategory.SALES).edgeDecidable(true)
                        .eligibility("context.intent == 'cart_abandonment'").build(),
                action("cloud-only", ActionCategory.SALES).build()));

        underTest.apply(state);

        assertThat(candidate(state, "edge").alive()).isTrue();
        assertThat(candidate(state, "cloud-only").reason()).contains("not edge-decidable");
    }

    @Test
    void apply_intFactAgainstDoubleLiteral_comparesNumerically() {
        DecisionState state = state(request().journey(Map.of("cartValue", 51)).build(), DecisionPolicies.defaults(),
                List.of(action("above", ActionCategory.SALES).eligibility("journey.cartValue > 50.5").build(),
                        action("below", ActionCategory.SALES).eligibility("journey.cartValue < 50.5").build()));

        underTest.apply(state);

        assertThat(candidate(state, "above").alive()).isTrue();
        assertThat(candidate(state, "below").reason()).isEqualTo("rule is false");
    }
}
