package dev.waymark.decision.internal;

import static dev.waymark.decision.internal.Fixtures.action;
import static dev.waymark.decision.internal.Fixtures.candidate;
import static dev.waymark.decision.internal.Fixtures.request;
import static dev.waymark.decision.internal.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.StageName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionStageTest {

    private final SuppressionStage underTest = new SuppressionStage();

    private static final List<ActionDefinition> ACTIONS = List.of(
            action("offer", ActionCategory.SALES).build(), action("status", ActionCategory.SERVICE).build());

    @Test
    void apply_openServiceJourney_suppressesSalesOnly() {
        DecisionState state = state(request().journey(Map.of("openServiceJourney", true)).build(),
                DecisionPolicies.defaults(), ACTIONS);

        underTest.apply(state);

        assertThat(candidate(state, "offer").removedAt()).isEqualTo(StageName.SUPPRESSION);
        assertThat(candidate(state, "offer").reason()).contains("journey.openServiceJourney");
        assertThat(candidate(state, "status").alive()).isTrue();
    }

    @Test
    void apply_noOpenJourney_keepsAll() {
        DecisionState state = state(request().journey(Map.of("openServiceJourney", false)).build(),
                DecisionPolicies.defaults(), ACTIONS);

        underTest.apply(state);

        assertThat(state.alive()).hasSize(2);
    }

    @Test
    void apply_configuredComplaintFact_nonEmptyList_suppresses() {
        DecisionState state = state(request().journey(Map.of("openComplaints", List.of("c-1"))).build(),
                DecisionPolicies.defaults().withSuppressingFacts(List.of("openComplaints")), ACTIONS);

        underTest.apply(state);

        assertThat(candidate(state, "offer").alive()).isFalse();
    }
}
