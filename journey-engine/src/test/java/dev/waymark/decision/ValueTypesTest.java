package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void records_haveValueEquality() {
        assertEqualPair(new Contact("a", Channel.SMS, ActionCategory.SALES, AT),
                new Contact("a", Channel.SMS, ActionCategory.SALES, AT));
        assertEqualPair(ContactCap.perDay(Channel.SMS, ActionCategory.SALES, 2),
                new ContactCap(Channel.SMS, ActionCategory.SALES, 2, Duration.ofHours(24)));
        assertEqualPair(ScoreParts.of(0.5, 2, 3), new ScoreParts(0.5, 2, 3, 3));
        assertEqualPair(new CandidateTrace("a", Optional.of(StageName.CONSENT), "no", Optional.empty(),
                Optional.empty()), new CandidateTrace("a", Optional.of(StageName.CONSENT), "no", Optional.empty(),
                Optional.empty()));
        assertEqualPair(new Outcome("a", "s", true), new Outcome("a", "s", true));
        assertEqualPair(DecisionPolicies.defaults(), DecisionPolicies.defaults());
        assertEqualPair(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)),
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        assertEqualPair(new CatalogError("a", "eligibility", "m"), new CatalogError("a", "eligibility", "m"));
        assertThat(new Outcome("a", "s", true)).isNotEqualTo(new Outcome("a", "s", false));
    }

    @Test
    void quietHours_spanningMidnight_containBothEnds() {
        QuietHours underTest = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

        assertThat(underTest.contains(Instant.parse("2026-11-23T22:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(underTest.contains(Instant.parse("2026-11-23T07:59:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(underTest.contains(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(underTest.contains(Instant.parse("2026-11-23T20:59:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void request_triggeredWithoutIntent_isRejectedNamingContextIntent() {
        assertThatThrownBy(() -> DecisionRequest.builder(DecisionMode.TRIGGERED, "d", "k", Channel.KIOSK, "home", AT)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("context.intent:");
    }

    @Test
    void request_nullFact_isRejectedNamingThePath() {
        Map<String, Object> journey = new HashMap<>();
        journey.put("stage", null);

        assertThatThrownBy(() -> DecisionRequest.builder(DecisionMode.INBOUND, "d", "k", Channel.KIOSK, "home", AT)
                .journey(journey).build()).hasMessageStartingWith("journey.stage:");
    }

    @Test
    void request_intFacts_becomeLongsForCel() {
        DecisionRequest underTest = DecisionRequest.builder(DecisionMode.INBOUND, "d", "k", Channel.KIOSK, "home", AT)
                .journey(Map.of("n", 3, "xs", List.of(1, 2.5f))).build();

        assertThat(underTest.journey().get("n")).isEqualTo(3L);
        assertThat(underTest.journey().get("xs")).isEqualTo(List.of(1L, 2.5d));
    }

    @Test
    void policies_badSegmentFact_isRejectedNamingSegmentFacts() {
        assertThatThrownBy(() -> DecisionPolicies.defaults().withSegmentFacts(List.of("stage")))
                .hasMessageStartingWith("segmentFacts:");
    }

    private static void assertEqualPair(Object a, Object b) {
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
