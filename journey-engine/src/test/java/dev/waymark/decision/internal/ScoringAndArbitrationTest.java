package dev.waymark.decision.internal;

import static dev.waymark.decision.internal.Fixtures.action;
import static dev.waymark.decision.internal.Fixtures.candidate;
import static dev.waymark.decision.internal.Fixtures.request;
import static dev.waymark.decision.internal.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.StageName;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringAndArbitrationTest {

    private static final List<ActionDefinition> ACTIONS = List.of(
            action("low", ActionCategory.SALES).value(1).weight(1).build(),
            action("high", ActionCategory.SALES).value(50).weight(2).build(),
            action("mid", ActionCategory.SALES).value(10).weight(1).build());

    @Test
    void scoring_withoutExploration_isMeanTimesValueTimesWeight() {
        DecisionState state = state(request().build(), DecisionPolicies.defaults().withExplore(false), ACTIONS);

        new ScoringStage().apply(state);

        assertThat(candidate(state, "high").score().propensity()).isEqualTo(0.5);
        assertThat(candidate(state, "high").score().score()).isCloseTo(0.5 * 50 * 2, within(1e-12));
    }

    @Test
    void scoring_withExploration_drawsPropensityInUnitInterval() {
        DecisionState state = state(request().build(), DecisionPolicies.defaults(), ACTIONS);

        new ScoringStage().apply(state);

        assertThat(state.alive()).allSatisfy(c -> assertThat(c.score().propensity()).isBetween(0.0, 1.0));
    }

    @Test
    void arbitration_keepsTopNBestFirst_andSaysWhyOthersLeft() {
        DecisionState state = state(request().build(),
                DecisionPolicies.defaults().withExplore(false).withMaxActions(2), ACTIONS);
        new ScoringStage().apply(state);

        new ArbitrationStage().apply(state);

        assertThat(state.ranked()).extracting(c -> c.definition().id()).containsExactly("high", "mid");
        assertThat(candidate(state, "low").removedAt()).isEqualTo(StageName.ARBITRATION);
        assertThat(candidate(state, "low").reason()).isEqualTo("ranked 3 of 3; top 2 kept");
    }

    @Test
    void arbitration_equalScores_breakTiesByCatalogOrder() {
        DecisionState state = state(request().build(), DecisionPolicies.defaults().withExplore(false), List.of(
                action("first", ActionCategory.SALES).build(), action("second", ActionCategory.SALES).build()));
        new ScoringStage().apply(state);

        new ArbitrationStage().apply(state);

        assertThat(state.ranked()).extracting(c -> c.definition().id()).containsExactly("first");
    }
}
