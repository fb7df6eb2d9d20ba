package dev.waymark.privacy;

import static dev.waymark.privacy.ConsentLedgerTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EffectiveConsentTest {

    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void mergedWith_earlierDenialBeatsLaterGrant() {
        EffectiveConsent underTest =
                ledgerOf(record("a", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, LATE))
                .effective("a");
        EffectiveConsent other = ledgerOf(record("b", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.DENIED, EARLY))
                .effective("b");

        EffectiveConsent merged = underTest.mergedWith(other);

        assertThat(merged.profile()).isEqualTo("a");
        assertThat(merged.status(Purpose.MARKETING, Channel.EMAIL)).contains(ConsentStatus.DENIED);
        assertThat(other.mergedWith(underTest).status(Purpose.MARKETING, Channel.EMAIL)).contains(ConsentStatus.DENIED);
    }

    @Test
    void mergedWith_grantOnOneSideAndNothingOnTheOther_keepsTheGrant() {
        EffectiveConsent underTest = ConsentLedger.empty().effective("a");
        EffectiveConsent other =
                ledgerOf(record("b", Purpose.PERSONALIZATION, Channel.APP, ConsentStatus.GRANTED, EARLY))
                .effective("b");

        assertThat(underTest.mergedWith(other).permits(Purpose.PERSONALIZATION, Channel.APP)).isTrue();
    }

    @Test
    void mergedWith_twoRefusals_laterOneDecides() {
        EffectiveConsent underTest = ledgerOf(record("a", Purpose.MARKETING, Channel.SMS, ConsentStatus.DENIED, EARLY))
                .effective("a");
        EffectiveConsent other = ledgerOf(record("b", Purpose.MARKETING, Channel.SMS, ConsentStatus.WITHDRAWN, LATE))
                .effective("b");

        assertThat(underTest.mergedWith(other).status(Purpose.MARKETING, Channel.SMS))
                .contains(ConsentStatus.WITHDRAWN);
    }

    private static ConsentLedger ledgerOf(ConsentRecord record) {
        return ConsentLedger.empty().append(record);
    }
}
