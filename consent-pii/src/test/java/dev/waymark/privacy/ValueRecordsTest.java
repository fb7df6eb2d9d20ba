package dev.waymark.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void piiMatch_equalsAndHashCode_coverEveryComponent() {
        PiiMatch underTest = PiiMatch.of(PiiKind.EMAIL, 1, 5);

        assertThat(underTest).isEqualTo(PiiMatch.of(PiiKind.EMAIL, 1, 5))
                .hasSameHashCodeAs(PiiMatch.of(PiiKind.EMAIL, 1, 5))
                .isNotEqualTo(PiiMatch.of(PiiKind.PHONE, 1, 5))
                .isNotEqualTo(PiiMatch.of(PiiKind.EMAIL, 1, 6));
        assertThat(PiiMatch.custom("LOYALTY", 1, 5)).isNotEqualTo(PiiMatch.custom("MEMBER", 1, 5));
    }

    @Test
    void piiMatch_emptyRange_isRejectedNamingStartEnd() {
        assertThatThrownBy(() -> PiiMatch.of(PiiKind.EMAIL, 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("start/end:");
    }

    @Test
    void piiMatch_builtInKindWithForeignLabel_isRejectedNamingLabel() {
        assertThatThrownBy(() -> new PiiMatch(PiiKind.EMAIL, 0, 3, "PHONE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("label:");
    }

    @Test
    void consentRecord_equalsAndHashCode_coverEveryComponent() {
        ConsentRecord underTest = record("p1", ConsentStatus.GRANTED, "kiosk");

        assertThat(underTest).isEqualTo(record("p1", ConsentStatus.GRANTED, "kiosk"))
                .hasSameHashCodeAs(record("p1", ConsentStatus.GRANTED, "kiosk"))
                .isNotEqualTo(record("p2", ConsentStatus.GRANTED, "kiosk"))
                .isNotEqualTo(record("p1", ConsentStatus.DENIED, "kiosk"))
                .isNotEqualTo(record("p1", ConsentStatus.GRANTED, "web"));
    }

    @Test
    void consentRecord_blankProfile_isRejectedNamingProfile() {
        assertThatThrownBy(() -> record(" ", ConsentStatus.GRANTED, "kiosk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("profile:");
    }

    @Test
    void consentRecord_blankSource_isRejectedNamingSource() {
        assertThatThrownBy(() -> record("p1", ConsentStatus.GRANTED, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("source:");
    }

    @Test
    void consentRecord_forProfile_keepsEverythingElse() {
        ConsentRecord moved = record("p1", ConsentStatus.DENIED, "kiosk").forProfile("p9");

        assertThat(moved).isEqualTo(record("p9", ConsentStatus.DENIED, "kiosk"));
    }

    @Test
    void wireNames_roundTripForPurposeAndChannel() {
        assertThat(Purpose.fromWireName("Marketing")).contains(Purpose.MARKETING);
        assertThat(Channel.fromWireName("sms")).contains(Channel.SMS);
        assertThat(Channel.fromWireName("fax")).isEmpty();
    }

    private static ConsentRecord record(String profile, ConsentStatus status, String source) {
        return new ConsentRecord(profile, Purpose.MARKETING, Set.of(Channel.EMAIL), status, source, T0, "form-7");
    }
}
