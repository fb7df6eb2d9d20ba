package dev.waymark.decision.internal;

import static dev.waymark.decision.internal.Fixtures.NOW;
import static dev.waymark.decision.internal.Fixtures.action;
import static dev.waymark.decision.internal.Fixtures.candidate;
import static dev.waymark.decision.internal.Fixtures.request;
import static dev.waymark.decision.internal.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.ActionCategory;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.Contact;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ContactHistory;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.QuietHours;
import dev.waymark.decision.StageName;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPolicyStageTest {

    private final ContactPolicyStage underTest = new ContactPolicyStage();

    @Test
    void apply_capReached_closesChannelAndRemovesWhenNoneLeft() {
        ContactHistory history = ContactHistory.of(List.of(
                new Contact("a", Channel.KIOSK, ActionCategory.SALES, NOW.minus(Duration.ofHours(3))),
                new Contact("b", Channel.KIOSK, ActionCategory.SALES, NOW.minus(Duration.ofHours(2)))));
        DecisionPolicies policies = DecisionPolicies.defaults()
                .withCaps(List.of(ContactCap.perDay(Channel.KIOSK, ActionCategory.SALES, 2)));
        DecisionState state = state(request().history(history).build(), policies, List.of(
                action("offer", ActionCategory.SALES).build(), action("help", ActionCategory.CARE).build()));

        underTest.apply(state);

        assertThat(candidate(state, "offer").removedAt()).isEqualTo(StageName.CONTACT_POLICY);
        assertThat(candidate(state, "offer").reason()).isEqualTo("kiosk sales cap reached");
        assertThat(candidate(state, "help").alive()).isTrue();
    }

    @Test
    void apply_contactsOutsidePeriod_doNotCount() {
        ContactHistory history = ContactHistory.of(List.of(
                new Contact("a", Channel.KIOSK, ActionCategory.SALES, NOW.minus(Duration.ofHours(25)))));
        DecisionPolicies policies = DecisionPolicies.defaults()
                .withCaps(List.of(ContactCap.perDay(Channel.KIOSK, ActionCategory.SALES, 1)));
        DecisionState state = state(request().history(history).build(), policies,
                List.of(action("offer", ActionCategory.SALES).build()));

        underTest.apply(state);

        assertThat(candidate(state, "offer").alive()).isTrue();
        assertThat(state.budget(Channel.KIOSK, ActionCategory.SALES)).isEqualTo(1);
    }

    @Test
    void apply_withinCooldown_isRemovedNamingLastContact() {
        ContactHistory history = ContactHistory.of(List.of(
                new Contact("offer", Channel.KIOSK, ActionCategory.SALES, NOW.minus(Duration.ofMinutes(30)))));
        DecisionPolicies policies = DecisionPolicies.defaults().withCooldown(Duration.ZERO,
                Map.of("offer", Duration.ofHours(1)));
        DecisionState state = state(request().history(history).build(), policies,
                List.of(action("offer", ActionCategory.SALES).build(), action("other", ActionCategory.SALES).build()));

        underTest.apply(state);

        assertThat(candidate(state, "offer").reason()).startsWith("cooldown PT1H since last contact at");
        assertThat(candidate(state, "other").alive()).isTrue();
    }

    @Test
    void apply_quietHoursInCustomerZone_closeOutboundButNotKiosk() {
        // 12:00 UTC is 21:00 in Tokyo: quiet there, not in UTC.
        DecisionPolicies policies = DecisionPolicies.defaults()
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        DecisionState state = state(request().zone(ZoneId.of("Asia/Tokyo"))
                .preferredChannels(List.of(Channel.SMS)).build(), policies, List.of(
                action("kiosk-and-sms", ActionCategory.SALES).channels(Channel.KIOSK, Channel.SMS).build(),
                action("sms-only", ActionCategory.SALES).channels(Channel.SMS).build()));

        underTest.apply(state);

        assertThat(candidate(state, "kiosk-and-sms").channels()).containsExactly(Channel.KIOSK);
        assertThat(candidate(state, "sms-only").reason()).isEqualTo("sms in quiet hours 21:00-08:00 Asia/Tokyo");
    }

    @Test
    void apply_quietHoursElsewhere_doNotApply() {
        DecisionPolicies policies = DecisionPolicies.defaults()
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        DecisionState state = state(request().zone(ZoneId.of("Europe/London")).preferredChannels(List.of(Channel.SMS))
                .build(), policies, List.of(action("sms-only", ActionCategory.SALES).channels(Channel.SMS).build()));

        underTest.apply(state);

        assertThat(candidate(state, "sms-only").alive()).isTrue();
    }
}
