package dev.waymark.journey;

import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoyaltyRecognitionTest {

    private static final String PATTERNS = """
            {"patterns": [{"name": "loyalty_recognition", "kind": "loyalty_recognition"}]}""";

    private final JourneyEngine underTest = JourneyEngine.of(ActivityMapping.defaults(),
            IntentPatterns.parse(PATTERNS).orElseThrow());

    @Test
    void loyaltyScan_firesWithChannelAndSession() {
        Events kiosk = new Events("kiosk-1", "s-1");
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)));

        Step step = run.apply(kiosk.loyaltyScan(minutes(1)));

        assertThat(step.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.name()).isEqualTo("loyalty_recognition");
            assertThat(intent.at()).isEqualTo(minutes(1));
            assertThat(intent.attributes()).containsEntry("channel", "kiosk").containsEntry("sessionId", "s-1");
        });
    }

    @Test
    void secondScanInSameSession_doesNotFireAgain() {
        Events kiosk = new Events("kiosk-1", "s-1");
        Run run = new Run(underTest, "p-1").applyAll(kiosk.start(minutes(0)), kiosk.loyaltyScan(minutes(1)));

        assertThat(run.apply(kiosk.loyaltyScan(minutes(2))).intents()).isEmpty();
    }

    @Test
    void scanInNextSession_firesAgain_andKeepsOneMark() {
        Events first = new Events("kiosk-1", "s-1");
        Events second = new Events("kiosk-2", "s-2");
        Run run = new Run(underTest, "p-1").applyAll(first.start(minutes(0)), first.loyaltyScan(minutes(1)),
                first.end(minutes(2)), second.start(minutes(10)));

        Step step = run.apply(second.loyaltyScan(minutes(11)));

        assertThat(step.intents()).extracting(Intent::name).containsExactly("loyalty_recognition");
        assertThat(run.state.lastFired()).containsOnlyKeys("loyalty_recognition/s-2");
    }

    @Test
    void pattern_roundTripsThroughJson() {
        IntentPatterns patterns = IntentPatterns.parse(PATTERNS).orElseThrow();

        assertThat(patterns.all()).containsExactly(new IntentPattern.LoyaltyRecognition("loyalty_recognition"));
        assertThat(IntentPatterns.parse(patterns.toJson()).orElseThrow().all()).isEqualTo(patterns.all());
    }

    @Test
    void pattern_withUnknownField_isRefusedNamingIt() {
        Loaded<IntentPatterns, PatternError> loaded = IntentPatterns.parse("""
                {"patterns": [{"name": "hello", "kind": "loyalty_recognition", "windowMinutes": 3}]}""");

        assertThat(loaded.errors()).containsExactly(new PatternError("hello", "windowMinutes", "unknown field"));
    }
}
