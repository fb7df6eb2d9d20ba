package dev.waymark.dist.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final ProcessUsage CLOUD = new ProcessUsage(Duration.ofSeconds(30), 600L << 20);
    private static final ProcessUsage HUBS = new ProcessUsage(Duration.ofSeconds(15), 300L << 20);
    private static final ProcessUsage DRIVER = new ProcessUsage(Duration.ofSeconds(45), 0);

    @Test
    void phase_printsPercentilesInMillisecondsTouchesThroughputCpuAndMemory() {
        PhaseResult underTest = phase("echo", 2, 1000, 100);

        String text = BenchReport.phase(underTest);

        assertThat(text).contains("echo", "p50 2.0 ms", "p99 2.0 ms", "max 2.0 ms")
                .contains("1,000 answered of 1,000 due (0 timed out")
                .contains("2,200 events/s stored by the kiosks", "1,100 captures/s sent")
                .contains("cloud 30.0 s (3.00 cores)", "hubs 15.0 s (1.50 cores)")
                .contains("cloud 1,428 µs (per event it took), hubs 681 µs, kiosks + driver 2,045 µs")
                .contains("700 messages/s forwarded by the hubs (3.0 events per message)")
                .contains("cpu per message   cloud 4,285 µs, hubs 2,142 µs")
                .contains("cloud 600 MB, hub 300 MB, kiosks + driver n/a")
                .contains("machine at end    load average 0.50");
    }

    @Test
    void comparison_pipelineOverTheTarget_saysMissedWithTheRatios() {
        PhaseResult echo = phase("echo", 1, 1000, 100);
        PhaseResult pipeline = phase("pipeline", 2, 1000, 100);

        String text = BenchReport.comparison(echo, pipeline, 1, 2000);

        assertThat(text).contains("p50 2.0 ms / 1.0 ms = 2.00", "p99 2.0 ms / 1.0 ms = 2.00")
                .contains("p99 <= 1 ms at 2,000 events/s: MISSED");
    }

    @Test
    void comparison_pipelineWithinTheTargetAndEveryTouchAnswered_saysMet() {
        PhaseResult echo = phase("echo", 1, 1000, 100);
        PhaseResult pipeline = phase("pipeline", 2, 1000, 100);

        assertThat(BenchReport.comparison(echo, pipeline, 150, 2000)).contains(": met");
    }

    @Test
    void comparison_aTouchLeftUnanswered_saysMissedEvenWithinTheLatency() {
        PhaseResult echo = phase("echo", 1, 1000, 100);
        PhaseResult pipeline = phase("pipeline", 2, 1000, 100);
        pipeline.load().touchesDue.increment();
        pipeline.load().touchesTimedOut.increment();

        assertThat(BenchReport.comparison(echo, pipeline, 150, 2000)).contains("MISSED");
    }

    @Test
    void comparison_noTouchAnswered_printsNotApplicableNotZeroMilliseconds() {
        PhaseResult echo = phase("echo", 1, 1000, 100);
        PhaseResult pipeline = phase("pipeline", 2, 1000, 100);
        pipeline.latency().reset();

        String text = BenchReport.comparison(echo, pipeline, 150, 2000);

        assertThat(text).contains("p50 n/a / 1.0 ms = n/a", "MISSED (pipeline p99 n/a").doesNotContain("0.0 ms");
        assertThat(BenchReport.phase(pipeline)).contains("touch -> action   p50 n/a  p99 n/a");
    }

    // A 10-second phase whose touches all took the same time (below 2.048 ms, which the histogram keeps exactly);
    // 22,000 events stored, i.e. 2,200 a second.
    private static PhaseResult phase(String name, long millis, int touches, int browsesPerTen) {
        Measurement load = new Measurement();
        for (int i = 0; i < touches; i++) {
            load.touchesDue.increment();
            load.answered(0, millis * 1_000_000);
        }
        load.browsesSent.add(touches * browsesPerTen / 10);
        load.eventsStored.add(22_000);
        return new PhaseResult(name, load.latencies(), load, Duration.ofSeconds(10), 21_000, 7_000, 0, 0, CLOUD, HUBS,
                DRIVER, "load average 0.50 0.40 0.30");
    }
}
