package dev.waymark.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest
    @CsvSource({
        "wm.outcome.convert, KEEP, false",
        "wm.outcome.impression, KEEP, false",
        "wm.kiosk.consent_update, KEEP, false",
        "wm.kiosk.cart_add, NORMAL, true",
        "wm.kiosk.session_end, NORMAL, true",
        "wm.kiosk.product_view, LOW, true",
        "wm.kiosk.screen_view, LOW, true"
    })
    void of_type_givesTheOverflowClass(String type, Priority expected, boolean droppable) {
        assertThat(Priority.of(type)).isEqualTo(expected);
        assertThat(Priority.of(type).droppable()).isEqualTo(droppable);
    }
}
