package dev.waymark.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobalPrivacyControlTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void fromHeader_one_deniesMarketingOnAllChannelsFromSourceGpc() {
        GlobalPrivacyControl underTest = GlobalPrivacyControl.fromHeader(" 1 ");

        assertThat(underTest.enabled()).isTrue();
        assertThat(underTest.toRecords("p1", NOW)).containsExactly(new ConsentRecord("p1", Purpose.MARKETING,
                ConsentRecord.ALL_CHANNELS, ConsentStatus.DENIED, "gpc", NOW, "Sec-GPC: 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "true", "yes", "11"})
    void fromHeader_anyOtherValue_isNoSignalAndNoRecord(String value) {
        GlobalPrivacyControl underTest = GlobalPrivacyControl.fromHeader(value);

        assertThat(underTest.enabled()).isFalse();
        assertThat(underTest.toRecords("p1", NOW)).isEmpty();
    }

    @Test
    void gpcRecord_appendedAfterEmailGrant_stopsEmailMarketing() {
        ConsentLedger ledger = ConsentLedger.empty()
                .append(ConsentRecord.of("p1", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, "kiosk",
                        NOW.minusSeconds(3600)))
                .appendAll(GlobalPrivacyControl.fromHeader("1").toRecords("p1", NOW));

        assertThat(ledger.effective("p1").permits(Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(ledger.effective("p1").permits(Purpose.SERVICE, Channel.EMAIL)).isTrue();
    }

    @Test
    void equalsAndHashCode_followTheFlag() {
        assertThat(GlobalPrivacyControl.fromHeader("1")).isEqualTo(new GlobalPrivacyControl(true))
                .hasSameHashCodeAs(new GlobalPrivacyControl(true)).isNotEqualTo(new GlobalPrivacyControl(false));
    }
}
