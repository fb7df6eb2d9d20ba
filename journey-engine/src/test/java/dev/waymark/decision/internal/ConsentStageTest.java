package dev.waymark.decision.internal;

import static dev.waymark.decision.internal.Fixtures.action;
import static dev.waymark.decision.internal.Fixtures.candidate;
import static dev.waymark.decision.internal.Fixtures.request;
import static dev.waymark.decision.internal.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.ActionCategory;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.ConsentView;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.StageName;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentStageTest {

    private final ConsentStage underTest = new ConsentStage();

    @Test
    void apply_salesWithoutConsent_isRemovedNamingPurposeAndChannel() {
        DecisionState state = state(request().consent(ConsentView.denyAll()).build(), DecisionPolicies.defaults(),
                List.of(action("offer", ActionCategory.SALES).consentPurpose("offers").build()));

        underTest.apply(state);

        assertThat(candidate(state, "offer").removedAt()).isEqualTo(StageName.CONSENT);
        assertThat(candidate(state, "offer").reason()).isEqualTo("no consent for purpose 'offers' on kiosk");
    }

    @Test
    void apply_serviceAndCare_goUnderLegitimateInterest() {
        DecisionState state = state(request().consent(ConsentView.denyAll()).build(), DecisionPolicies.defaults(),
                List.of(action("order-ready", ActionCategory.SERVICE).build(),
                        action("need-help", ActionCategory.CARE).build()));

        underTest.apply(state);

        assertThat(state.alive()).hasSize(2);
    }

    @Test
    void apply_consentOnOneChannelOnly_keepsThatChannel() {
        ConsentView smsOnly = (purpose, channel) -> purpose.equals("offers") && channel.equals("sms");
        DecisionState state = state(request().consent(smsOnly).preferredChannels(List.of(Channel.SMS, Channel.EMAIL))
                .build(), DecisionPolicies.defaults(), List.of(action("offer", ActionCategory.SALES)
                .consentPurpose("offers").channels(Channel.KIOSK, Channel.SMS, Channel.EMAIL).build()));

        underTest.apply(state);

        assertThat(candidate(state, "offer").alive()).isTrue();
        assertThat(candidate(state, "offer").channels()).containsExactly(Channel.SMS);
    }
}
