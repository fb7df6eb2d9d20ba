package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.action.Decision;
import dev.waymark.protocol.action.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    private static final ActionCatalog CATALOG = ActionCatalog.compile(List.of(
            ActionDefinition.builder("cart-rescue").channels(Channel.KIOSK).placements("home").value(20)
                    .edgeDecidable(true).eligibility("context.intent == 'cart_abandonment' && journey.cartItems > 0")
                    .timeToLive(Duration.ofMinutes(5)).build(),
            ActionDefinition.builder("gold-upsell").channels(Channel.KIOSK).placements("home").value(50)
                    .eligibility("profile.tier == 'gold'").build(),
            ActionDefinition.builder("need-help").category(ActionCategory.CARE).channels(Channel.KIOSK)
                    .placements("home").value(1).eligibility("journey.stage == 'research'").build(),
            ActionDefinition.builder("web-only").channels(Channel.WEB).placements("home").build()))
            .orElseThrow();

    private final DecisionPipeline underTest = DecisionPipeline.create(CATALOG,
            DecisionPolicies.defaults().withExplore(false), PropensityModel.uniform(), 42);

    private static DecisionRequest.Builder triggered() {
        return DecisionRequest.builder(DecisionMode.TRIGGERED, "d-1", "tok-1", Channel.KIOSK, "home", NOW)
                .intent("cart_abandonment")
                .profile(Map.of("tier", "silver"))
                .journey(Map.of("stage", "purchase", "cartItems", 2))
                .consent(ConsentView.grantAll());
    }

    @Test
    void stages_runInDesignOrder() {
        assertThat(underTest.stages()).containsExactly(StageName.ELIGIBILITY, StageName.CONSENT,
                StageName.SUPPRESSION, StageName.CONTACT_POLICY, StageName.CONTROL_GROUP, StageName.SCORING,
                StageName.ARBITRATION, StageName.CHANNEL_CHOICE);
    }

    @Test
    void decide_triggeredIntent_choosesEligibleActionAndExplainsEveryCandidate() {
        DecisionResult result = underTest.decide(triggered().build());

        assertThat(result.actions()).singleElement().satisfies(action -> {
            assertThat(action.actionId()).isEqualTo("cart-rescue");
            assertThat(action.channel()).isEqualTo(Channel.KIOSK);
            assertThat(action.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
            assertThat(action.score().score()).isEqualTo(0.5 * 20);
        });
        assertThat(result.explanation().candidates()).extracting(CandidateTrace::actionId)
                .containsExactly("cart-rescue", "gold-upsell", "need-help");
        assertThat(result.explanation().candidates().get(1).removedAt()).contains(StageName.ELIGIBILITY);
        assertThat(result.explanation().segment()).isEqualTo("kiosk|purchase");
        assertThat(result.contacts()).containsExactly(
                new Contact("cart-rescue", Channel.KIOSK, ActionCategory.SALES, NOW));
    }

    @Test
    void decide_noConsent_fallsBackToCareUnderLegitimateInterest() {
        DecisionResult result = underTest.decide(triggered().consent(ConsentView.denyAll())
                .journey(Map.of("stage", "research", "cartItems", 1)).build());

        assertThat(result.actions()).extracting(SelectedAction::actionId).containsExactly("need-help");
        assertThat(result.explanation().candidates().get(0).reason()).contains("no consent");
    }

    @Test
    void decide_atEdgeWithoutProfile_decidesFromEdgeDecidableActionsOnly() {
        DecisionRequest edge = DecisionRequest.builder(DecisionMode.TRIGGERED, "d-2", "kiosk-session-1",
                Channel.KIOSK, "home", NOW).intent("cart_abandonment").journey(Map.of("cartItems", 1))
                .consent(ConsentView.grantAll()).build();

        DecisionResult result = underTest.decide(edge);

        assertThat(result.actions()).extracting(SelectedAction::actionId).containsExactly("cart-rescue");
        assertThat(result.explanation().candidates().get(1).reason()).contains("not edge-decidable");
    }

    @Test
    void decide_nothingEligible_isAnEmptyDecisionWithReasons() {
        DecisionResult result = underTest.decide(triggered().journey(Map.of("stage", "loyalty", "cartItems", 0))
                .build());

        assertThat(result.actions()).isEmpty();
        assertThat(result.explanation().candidates()).allSatisfy(trace -> assertThat(trace.selected()).isFalse());
    }

    @Test
    void decide_sameRequestAndSeed_givesSameDecision_differentSeedMayDiffer() {
        DecisionPipeline exploring = DecisionPipeline.create(CATALOG, DecisionPolicies.defaults(),
                PropensityModel.uniform(), 42);

        DecisionResult first = exploring.decide(triggered().build());
        DecisionResult second = exploring.decide(triggered().build());

        assertThat(second).isEqualTo(first);
        assertThat(first.actions().get(0).score().propensity()).isNotEqualTo(0.5);
    }

    @Test
    void decide_controlGroup_getsCareButNoSalesAndLogsWouldBe() {
        DecisionPipeline holdout = DecisionPipeline.create(CATALOG, DecisionPolicies.defaults().withExplore(false)
                .withControlGroup(new ControlGroupPolicy(100, "q4")), PropensityModel.uniform(), 1);

        DecisionResult result = holdout.decide(triggered().journey(Map.of("stage", "research", "cartItems", 1))
                .build());

        assertThat(result.explanation().controlGroup()).isTrue();
        assertThat(result.actions()).extracting(SelectedAction::actionId).containsExactly("need-help");
        assertThat(result.explanation().wouldBe()).extracting(SelectedAction::actionId)
                .containsExactly("cart-rescue");
        assertThat(result.explanation().candidates().get(0).removedAt()).isEqualTo(
                Optional.of(StageName.CONTROL_GROUP));
    }

    @Test
    void toProtocol_recordsChosenActionsAndEveryCandidate() {
        DecisionResult result = underTest.decide(triggered().build());

        Decision recorded = result.toProtocol("tok-1");

        assertThat(recorded.chosen()).containsExactly("cart-rescue");
        assertThat(recorded.candidates()).hasSize(3);
        assertThat(recorded.candidates().get(1).removedAt())
                .contains(Stage.ELIGIBILITY);
        assertThat(recorded.candidates().get(0).score()).isPresent();
    }
}
