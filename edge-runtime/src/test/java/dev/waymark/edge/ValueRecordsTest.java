package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

    @Test
    void edgeStatus_equalsAndHashCode_followTheValues() {
        EdgeStatus a = new EdgeStatus(true, true, 3, 300, 1000, false, 0, 0, 2, 1);
        assertThat(a).isEqualTo(new EdgeStatus(true, true, 3, 300, 1000, false, 0, 0, 2, 1))
                .hasSameHashCodeAs(new EdgeStatus(true, true, 3, 300, 1000, false, 0, 0, 2, 1))
                .isNotEqualTo(new EdgeStatus(false, false, 3, 300, 1000, false, 0, 0, 2, 1));
    }

    @Test
    void captureResults_equalsAndHashCode_followTheValues() {
        CaptureResult.StoredEvent event = new CaptureResult.StoredEvent("01J", 4, "wm.kiosk.cart_add");
        assertThat(new CaptureResult.Stored(List.of(event))).isEqualTo(new CaptureResult.Stored(List.of(
                new CaptureResult.StoredEvent("01J", 4, "wm.kiosk.cart_add"))))
                .hasSameHashCodeAs(new CaptureResult.Stored(List.of(event)))
                .isNotEqualTo(new CaptureResult.Stored(List.of()));
        CaptureResult.Refused refused = new CaptureResult.Refused(CaptureResult.Refusal.INVALID,
                Rejection.of("data.sku", "is missing"));
        assertThat(refused).isEqualTo(new CaptureResult.Refused(CaptureResult.Refusal.INVALID,
                Rejection.of("data.sku", "is missing"))).isNotEqualTo(new CaptureResult.Refused(
                CaptureResult.Refusal.BUSY, Rejection.of("data.sku", "is missing")));
    }

    @Test
    void refused_withoutRejection_isRefusedNamingIt() {
        assertThatThrownBy(() -> new CaptureResult.Refused(CaptureResult.Refusal.INVALID, null))
                .isInstanceOf(NullPointerException.class).hasMessage("rejection");
    }
}
