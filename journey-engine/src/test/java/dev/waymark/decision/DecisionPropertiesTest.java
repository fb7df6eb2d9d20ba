package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DecisionPropertiesTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    private static final List<Channel> CHANNELS = List.of(Channel.KIOSK, Channel.PUSH, Channel.SMS, Channel.EMAIL);

    private static final ActionCatalog CATALOG = catalog();

    private static ActionCatalog catalog() {
        List<ActionDefinition> actions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ActionCategory category = ActionCategory.values()[i % 3];
            actions.add(ActionDefinition.builder("a" + i).category(category)
                    .channels(Channel.KIOSK, Channel.PUSH, Channel.SMS, Channel.EMAIL).placements("slot")
                    .value(1 + i).eligibility(i % 2 == 0 ? "true" : "journey.step % 2 == " + (i % 4 == 1 ? 0 : 1))
                    .build());
        }
        return ActionCatalog.compile(actions).orElseThrow();
    }

    /** One generated request: minutes after the previous one, its channel, and how many actions it may return. */
    record Step(int gapMinutes, Channel channel, int maxActions) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 600),
                Arbitraries.of(CHANNELS), Arbitraries.integers().between(1, 3)).as(Step::new);
    }

    @Property(tries = 60)
    void caps_areNeverExceeded_overAnySequence(@ForAll @Size(max = 60) List<@From("steps") Step> steps,
            @ForAll @IntRange(min = 0, max = 3) int smsSalesPerDay, @ForAll @IntRange(min = 1, max = 4) int kioskCare,
            @ForAll long seed) {
        List<ContactCap> caps = List.of(ContactCap.perDay(Channel.SMS, ActionCategory.SALES, smsSalesPerDay),
                new ContactCap(Channel.KIOSK, ActionCategory.CARE, kioskCare, Duration.ofHours(6)),
                ContactCap.perDay(Channel.PUSH, ActionCategory.SALES, 1));
        ContactHistory history = ContactHistory.empty();
        Instant now = START;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            now = now.plus(Duration.ofMinutes(step.gapMinutes()));
            DecisionPipeline underTest = DecisionPipeline.create(CATALOG, DecisionPolicies.defaults()
                    .withCaps(caps).withMaxActions(step.maxActions()), PropensityModel.uniform(), seed);
            DecisionResult result = underTest.decide(request("d" + i, "p1", step.channel(), now, i)
                    .history(history).build());
            history = history.with(result.contacts());
        }
        for (ContactCap cap : caps) {
            assertThat(maxInAnyWindow(history, cap)).isLessThanOrEqualTo(cap.max());
        }
    }

    @Property(tries = 200)
    void controlGroup_neverReceivesSales(@ForAll("keys") String holdoutKey, @ForAll Channel channel,
            @ForAll @IntRange(min = 0, max = 7) int step, @ForAll long seed) {
        DecisionPipeline underTest = DecisionPipeline.create(CATALOG, DecisionPolicies.defaults().withMaxActions(3)
                .withControlGroup(new ControlGroupPolicy(30, "spring")), PropensityModel.uniform(), seed);

        DecisionResult result = underTest.decide(request("d", holdoutKey, channel, START, step).build());

        if (result.explanation().controlGroup()) {
            assertThat(result.actions()).noneMatch(action -> action.category() == ActionCategory.SALES);
        }
    }

    @Property(tries = 100)
    void sameInputsAndSeed_giveSameDecision(@ForAll("keys") String holdoutKey, @ForAll Channel channel,
            @ForAll @IntRange(min = 0, max = 7) int step, @ForAll long seed) {
        DecisionPolicies policies = DecisionPolicies.defaults().withMaxActions(2)
                .withControlGroup(new ControlGroupPolicy(20, "s"));
        DecisionResult first = DecisionPipeline.create(CATALOG, policies, PropensityModel.uniform(), seed)
                .decide(request("d", holdoutKey, channel, START, step).build());
        DecisionResult second = DecisionPipeline.create(CATALOG, policies, PropensityModel.uniform(), seed)
                .decide(request("d", holdoutKey, channel, START, step).build());

        assertThat(second).isEqualTo(first);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
    }

    private static DecisionRequest.Builder request(String id, String key, Channel channel, Instant now, int step) {
        return DecisionRequest.builder(DecisionMode.INBOUND, id, key, channel, "slot", now)
                .profile(Map.of()).journey(Map.of("step", step)).consent(ConsentView.grantAll());
    }

    private static int maxInAnyWindow(ContactHistory history, ContactCap cap) {
        int max = 0;
        for (Contact end : history.contacts()) {
            max = Math.max(max, history.count(cap.channel(), cap.category(), end.at().minus(cap.period()), end.at()));
        }
        return max;
    }
}
