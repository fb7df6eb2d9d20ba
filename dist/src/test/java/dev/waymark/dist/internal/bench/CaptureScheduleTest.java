package dev.waymark.dist.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureScheduleTest {

    @Test
    void captures_areTheRateTimesTheDuration() {
        CaptureSchedule underTest = new CaptureSchedule(20, 2000, 0.1);

        assertThat(underTest.captures(Duration.ofSeconds(60))).isEqualTo(120_000);
        assertThat(underTest.captures(Duration.ofMillis(1500))).isEqualTo(3_000);
    }

    @Test
    void slot_dueTimesFollowTheRateAndKiosksTakeTurns() {
        CaptureSchedule underTest = new CaptureSchedule(4, 2000, 0.1);

        assertThat(underTest.slot(0).dueNanos()).isZero();
        assertThat(underTest.slot(1).dueNanos()).isEqualTo(500_000);
        assertThat(underTest.slot(2000).dueNanos()).isEqualTo(1_000_000_000);
        assertThat(List.of(underTest.slot(0).kiosk(), underTest.slot(1).kiosk(), underTest.slot(4).kiosk(),
                underTest.slot(7).kiosk())).containsExactly(0, 1, 0, 3);
    }

    @Test
    void slot_touchesAreTheShareOfEveryKiosksCaptures() {
        CaptureSchedule underTest = new CaptureSchedule(20, 2000, 0.1);
        int[] touches = new int[20];

        for (long i = 0; i < 20_000; i++) {
            CaptureSchedule.Slot slot = underTest.slot(i);
            if (slot.touch()) {
                touches[slot.kiosk()]++;
            }
        }

        for (int kiosk = 0; kiosk < 20; kiosk++) {
            assertThat(touches[kiosk]).as("kiosk %d", kiosk).isEqualTo(100);
        }
    }

    // One touch in ten captures at 2,000 captures/s: on average one touch every 10 slots of 0.5 ms.
    @Test
    void slot_kiosksTakeTurnsSoNoGapBetweenTouchesIsOverTwiceTheAverage() {
        CaptureSchedule underTest = new CaptureSchedule(20, 2000, 0.1);
        List<Long> touchTimes = new ArrayList<>();

        for (long i = 0; i < 2_000; i++) {
            if (underTest.slot(i).touch()) {
                touchTimes.add(underTest.slot(i).dueNanos());
            }
        }

        assertThat(touchTimes).hasSize(200);
        for (int n = 1; n < touchTimes.size(); n++) {
            assertThat(touchTimes.get(n) - touchTimes.get(n - 1)).as("gap before touch %d", n)
                    .isLessThanOrEqualTo(2 * 10 * 500_000);
        }
    }

    @Test
    void create_withoutKiosksRateOrShare_isRefusedNamingWhat() {
        assertThatThrownBy(() -> new CaptureSchedule(0, 10, 0.1)).hasMessageStartingWith("kiosks");
        assertThatThrownBy(() -> new CaptureSchedule(1, 0, 0.1)).hasMessageStartingWith("rate");
        assertThatThrownBy(() -> new CaptureSchedule(1, 10, 0)).hasMessageStartingWith("touch share");
        assertThatThrownBy(() -> new CaptureSchedule(1, 10, 1.5)).hasMessageStartingWith("touch share");
    }
}
