package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CampaignRunTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final DecisionPipeline pipeline = DecisionPipeline.create(ActionCatalog.compile(List.of(
            ActionDefinition.builder("winter-sale").channels(Channel.EMAIL, Channel.PUSH).placements("newsletter")
                    .eligibility("profile.tier == 'gold' && context.campaign == 'winter'").build())).orElseThrow(),
            DecisionPolicies.defaults(), PropensityModel.uniform(), 9);

    private final CampaignRun underTest = CampaignRun.of(pipeline, "winter", Channel.EMAIL, "newsletter", Map.of(),
            NOW);

    private static CampaignProfile profile(int i) {
        return new CampaignProfile("p" + i, Map.of("tier", i % 2 == 0 ? "gold" : "silver"), Map.of(),
                ConsentView.grantAll(), ContactHistory.empty(), ZoneOffset.UTC, List.of(Channel.PUSH),
                Set.of(Channel.EMAIL, Channel.PUSH));
    }

    @Test
    void decide_stream_isLazyOneProfileAtATime() {
        AtomicInteger produced = new AtomicInteger();
        Stream<CampaignProfile> endless = Stream.iterate(0, i -> i + 1).peek(i -> produced.incrementAndGet())
                .map(CampaignRunTest::profile);

        List<DecisionResult> firstTen = underTest.decide(endless).limit(10).toList();

        assertThat(firstTen).hasSize(10);
        assertThat(produced).hasValue(10);
        assertThat(firstTen).allSatisfy(result -> assertThat(result.mode()).isEqualTo(DecisionMode.CAMPAIGN));
        assertThat(firstTen.get(0).actions()).extracting(SelectedAction::channel).containsExactly(Channel.EMAIL);
        assertThat(firstTen.get(1).actions()).isEmpty();
    }

    @Test
    void decide_iterator_pullsOnlyWhatIsConsumed() {
        AtomicInteger pulled = new AtomicInteger();
        Iterator<CampaignProfile> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public CampaignProfile next() {
                return profile(pulled.getAndIncrement());
            }
        };

        Iterator<DecisionResult> results = underTest.decide(source);
        DecisionResult first = results.next();

        assertThat(pulled).hasValue(1);
        assertThat(first.decisionId()).isEqualTo("winter:p0");
    }

    @Test
    void decideOne_rerun_givesSameDecision() {
        assertThat(underTest.decideOne(profile(4))).isEqualTo(underTest.decideOne(profile(4)));
    }
}
