package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoStatsTest {

    private static final KioskCounts KIOSK = new KioskCounts(30, 400, 300, 0, "", Map.of("offer", 14L, "help", 3L),
            5, 9, 0, 0);
    private static final WebCounts WEB = new WebCounts(20, 69, 69, Map.of(), "", 0);

    @Test
    void summaryLine_withCloudFigures_showsEveryPart() {
        DemoStats underTest = DemoStats.of(KIOSK, WEB).withDecisions(41).withUplift("+3.1 pp [-2.0, +8.2]");

        assertThat(underTest.summaryLine(Duration.ofSeconds(30)))
                .isEqualTo("12.3 events/s | 41 decisions | 17 actions shown | acceptance 29% "
                        + "| uplift +3.1 pp [-2.0, +8.2]");
    }

    @Test
    void summaryLine_withoutCloudFiguresOrActions_leavesThemOut() {
        DemoStats underTest = DemoStats.of(KioskCounts.zero(), WebCounts.zero()).withUplift(" ");

        assertThat(underTest.summaryLine(Duration.ZERO))
                .isEqualTo("0.0 events/s | 0 actions shown | acceptance n/a");
    }

    @Test
    void summaryLine_refusals_areCountedAtTheEnd() {
        WebCounts web = new WebCounts(1, 10, 7, Map.of(401, 3L), "401 unauthenticated ", 1);

        assertThat(DemoStats.of(KIOSK, web).summaryLine(Duration.ofSeconds(1)))
                .endsWith("| 4 refused or unanswered");
    }
}
