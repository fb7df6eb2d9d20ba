package dev.waymark.decision.internal;

import static dev.waymark.decision.internal.Fixtures.action;
import static dev.waymark.decision.internal.Fixtures.candidate;
import static dev.waymark.decision.internal.Fixtures.request;
import static dev.waymark.decision.internal.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.SelectedAction;
import dev.waymark.decision.StageName;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ControlGroupStageTest {

    private final ControlGroupStage underTest = new ControlGroupStage(
            List.of(new ScoringStage(), new ArbitrationStage(), new ChannelChoiceStage()));

    private static final List<ActionDefinition> ACTIONS = List.of(
            action("offer", ActionCategory.SALES).value(10).build(), action("help", ActionCategory.CARE).build());

    @Test
    void apply_keyInControlGroup_removesMarketingAndLogsWouldBeDecision() {
        DecisionState state = state(request().build(),
                DecisionPolicies.defaults().withControlGroup(new ControlGroupPolicy(100, "s")), ACTIONS);

        underTest.apply(state);

        assertThat(state.controlGroup()).isTrue();
        assertThat(candidate(state, "offer").removedAt()).isEqualTo(StageName.CONTROL_GROUP);
        assertThat(candidate(state, "help").alive()).isTrue();
        assertThat(state.wouldBe()).extracting(SelectedAction::actionId).containsExactly("offer");
    }

    @Test
    void apply_noControlGroup_changesNothing() {
        DecisionState state = state(request().build(), DecisionPolicies.defaults(), ACTIONS);

        underTest.apply(state);

        assertThat(state.controlGroup()).isFalse();
        assertThat(state.alive()).hasSize(2);
        assertThat(state.wouldBe()).isEmpty();
    }

    @Test
    void holdoutHash_isStableAndSplitsKeysByPercent() {
        assertThat(HoldoutHash.bucket("spring", "profile-1")).isEqualTo(HoldoutHash.bucket("spring", "profile-1"));
        int held = 0;
        for (int i = 0; i < 20_000; i++) {
            if (HoldoutHash.inControlGroup("spring", "profile-" + i, 10)) {
                held++;
            }
        }
        // Deterministic for this salt; a uniform hash lands within a few standard deviations (~42) of 2,000.
        assertThat(held).isBetween(1_850, 2_150);
    }

    @Test
    void holdoutHash_differentSalt_reshufflesKeys() {
        long same = IntStream.range(0, 1_000)
                .filter(i -> HoldoutHash.bucket("a", "k" + i) == HoldoutHash.bucket("b", "k" + i)).count();
        assertThat(same).isLessThan(10);
    }
}
