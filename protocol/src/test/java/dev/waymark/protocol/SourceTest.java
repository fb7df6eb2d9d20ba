package dev.waymark.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceTest {

    @Test
    void parse_deviceSource_givesStoreAndDevice() {
        Source underTest = Source.parse("wm:/s/store-042/d/kiosk-07");

        assertThat(underTest.isDevice()).isTrue();
        assertThat(underTest.storeId()).contains("store-042");
        assertThat(underTest.deviceId()).contains("kiosk-07");
        assertThat(underTest.writeKey()).isEmpty();
        assertThat(underTest.format()).isEqualTo("wm:/s/store-042/d/kiosk-07");
    }

    @Test
    void parse_webSource_givesTheWriteKey() {
        Source underTest = Source.parse("wm:/web/wk_3f9a1c");

        assertThat(underTest.isDevice()).isFalse();
        assertThat(underTest.writeKey()).contains("wk_3f9a1c");
        assertThat(underTest.storeId()).isEmpty();
    }

    @Test
    void parse_otherShapes_throw() {
        assertThatThrownBy(() -> Source.parse("https://example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Source.parse("wm:/s/store/d/")).hasMessage("device id is empty");
        assertThatThrownBy(() -> Source.parse("wm:/s/store/d/a/b")).hasMessageContaining("'/'");
        assertThatThrownBy(() -> Source.parse("wm:/web/")).hasMessage("write key is empty");
    }

    @Test
    void equals_followsTheWireForm() {
        assertThat(Source.device("s", "d")).isEqualTo(Source.parse("wm:/s/s/d/d"))
                .hasSameHashCodeAs(Source.parse("wm:/s/s/d/d"))
                .isNotEqualTo(Source.device("s", "e"))
                .isNotEqualTo(Source.web("s"));
    }
}
