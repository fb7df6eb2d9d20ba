package dev.waymark.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.privacy.ConsentLedger;
import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentViewTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void of_effectiveConsent_answersByWireNamesAndRefusesWhatItDoesNotKnow() {
        ConsentLedger ledger = ConsentLedger.empty()
                .append(ConsentRecord.of("p1", Purpose.MARKETING, Channel.KIOSK,
                        ConsentStatus.GRANTED, "kiosk", T))
                .append(ConsentRecord.of("p1", Purpose.MARKETING, Channel.SMS,
                        ConsentStatus.DENIED, "crm", T));

        ConsentView underTest = ConsentView.of(ledger.effective("p1"));

        assertThat(underTest.permits("marketing", "kiosk")).isTrue();
        assertThat(underTest.permits("marketing", "sms")).isFalse();
        assertThat(underTest.permits("marketing", "email")).isFalse();
        assertThat(underTest.permits("service", "email")).isTrue();
        assertThat(underTest.permits("telepathy", "kiosk")).isFalse();
        assertThat(underTest.permits("marketing", "pigeon")).isFalse();
    }
}
