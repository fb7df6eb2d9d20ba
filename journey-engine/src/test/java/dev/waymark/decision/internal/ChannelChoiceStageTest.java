package dev.waymark.decision.internal;

import static dev.waymark.decision.internal.Fixtures.NOW;
import static dev.waymark.decision.internal.Fixtures.action;
import static dev.waymark.decision.internal.Fixtures.candidate;
import static dev.waymark.decision.internal.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.ActionCategory;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.StageName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelChoiceStageTest {

    private static DecisionRequest.Builder outbound() {
        return DecisionRequest.builder(DecisionMode.CAMPAIGN, "c:p1", "p1", Channel.PUSH, "promo", NOW)
                .profile(Map.of()).preferredChannels(List.of(Channel.SMS, Channel.EMAIL));
    }

    private static DecisionState ranked(DecisionRequest request, DecisionPolicies policies) {
        DecisionState state = state(request, policies.withExplore(false), List.of(
                action("a", ActionCategory.SALES).value(2).channels(Channel.PUSH, Channel.SMS, Channel.EMAIL)
                        .placements("promo").build(),
                action("b", ActionCategory.SALES).value(1).channels(Channel.PUSH, Channel.EMAIL)
                        .placements("promo").build()));
        new ContactPolicyStage().apply(state);
        new ScoringStage().apply(state);
        new ArbitrationStage().apply(state);
        return state;
    }

    @Test
    void apply_picksFirstPreferredReachableChannel() {
        DecisionState state = ranked(outbound().reachableChannels(Set.of(Channel.SMS, Channel.EMAIL)).build(),
                DecisionPolicies.defaults());

        new ChannelChoiceStage().apply(state);

        assertThat(candidate(state, "a").chosen()).isEqualTo(Channel.SMS);
    }

    @Test
    void apply_nothingReachable_removesWithReason() {
        DecisionState state = ranked(outbound().reachableChannels(Set.of()).build(), DecisionPolicies.defaults());

        new ChannelChoiceStage().apply(state);

        assertThat(candidate(state, "a").removedAt()).isEqualTo(StageName.CHANNEL_CHOICE);
        assertThat(candidate(state, "a").reason()).startsWith("no open channel is reachable");
    }

    @Test
    void apply_twoActionsOneCapSlot_secondMovesToAnotherChannel() {
        DecisionPolicies policies = DecisionPolicies.defaults().withMaxActions(2)
                .withCaps(List.of(ContactCap.perDay(Channel.PUSH, ActionCategory.SALES, 1)));
        DecisionState state = ranked(outbound().build(), policies);

        new ChannelChoiceStage().apply(state);

        assertThat(candidate(state, "a").chosen()).isEqualTo(Channel.PUSH);
        assertThat(candidate(state, "b").chosen()).isEqualTo(Channel.EMAIL);
    }
}
