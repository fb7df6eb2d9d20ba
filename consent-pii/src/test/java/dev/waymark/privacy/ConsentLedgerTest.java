package dev.waymark.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.Channel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void append_returnsNewLedger_andLeavesTheOldOneUnchanged() {
        ConsentLedger underTest = ConsentLedger.empty();

        ConsentLedger longer =
                underTest.append(record("p1", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, T1));

        assertThat(underTest.size()).isZero();
        assertThat(longer.size()).isEqualTo(1);
    }

    @Test
    void effective_noRecord_isUnknown_marketingNotPermitted_serviceStillPermitted() {
        EffectiveConsent consent = ConsentLedger.empty().effective("p1");

        assertThat(consent.status(Purpose.MARKETING, Channel.EMAIL)).isEmpty();
        assertThat(consent.permits(Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(consent.permits(Purpose.ANALYTICS, Channel.WEB)).isFalse();
        assertThat(consent.permits(Purpose.SERVICE, Channel.SMS)).isTrue();
    }

    @Test
    void effective_latestRecordWinsPerPurposeAndChannel_whateverTheAppendOrder() {
        ConsentLedger underTest = ConsentLedger.empty()
                .append(record("p1", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.WITHDRAWN, T3))
                .append(record("p1", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, T2));

        assertThat(underTest.effective("p1").status(Purpose.MARKETING, Channel.EMAIL))
                .contains(ConsentStatus.WITHDRAWN);
    }

    @Test
    void effective_laterAllChannelsRecord_overridesEarlierPerChannelGrants() {
        ConsentLedger underTest = ConsentLedger.empty()
                .append(record("p1", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, T1))
                .append(everyChannel("p1", Purpose.MARKETING, ConsentStatus.DENIED, T2));

        assertThat(underTest.effective("p1").permits(Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(underTest.effective("p1").status(Purpose.MARKETING, Channel.KIOSK)).contains(ConsentStatus.DENIED);
    }

    @Test
    void effective_laterPerChannelGrant_overridesAllChannelsDenialOnThatChannelOnly() {
        EffectiveConsent consent = ConsentLedger.empty()
                .append(everyChannel("p1", Purpose.MARKETING, ConsentStatus.DENIED, T1))
                .append(record("p1", Purpose.MARKETING, Channel.SMS, ConsentStatus.GRANTED, T2))
                .effective("p1");

        assertThat(consent.permits(Purpose.MARKETING, Channel.SMS)).isTrue();
        assertThat(consent.permits(Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(consent.permits(Purpose.MARKETING, Channel.KIOSK)).isFalse();
    }

    @Test
    void effective_equalTimes_laterAppendedRecordWins() {
        EffectiveConsent consent = ConsentLedger.empty()
                .append(record("p1", Purpose.ANALYTICS, Channel.WEB, ConsentStatus.GRANTED, T1))
                .append(record("p1", Purpose.ANALYTICS, Channel.WEB, ConsentStatus.DENIED, T1))
                .effective("p1");

        assertThat(consent.status(Purpose.ANALYTICS, Channel.WEB)).contains(ConsentStatus.DENIED);
    }

    @Test
    void effective_serviceDeniedExplicitly_isNotPermitted() {
        EffectiveConsent consent = ConsentLedger.empty()
                .append(record("p1", Purpose.SERVICE, Channel.SMS, ConsentStatus.DENIED, T1)).effective("p1");

        assertThat(consent.permits(Purpose.SERVICE, Channel.SMS)).isFalse();
        assertThat(consent.permits(Purpose.SERVICE, Channel.EMAIL)).isTrue();
    }

    @Test
    void effective_otherProfilesRecords_doNotCount() {
        ConsentLedger underTest = ConsentLedger.empty()
                .append(record("p2", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, T1));

        assertThat(underTest.effective("p1").permits(Purpose.MARKETING, Channel.EMAIL)).isFalse();
    }

    @Test
    void mergeProfiles_appendsMostRestrictiveRecordsForTheSurvivingProfile() {
        ConsentLedger underTest = ConsentLedger.empty()
                .append(record("keep", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, T3))
                .append(record("gone", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.DENIED, T1))
                .append(record("gone", Purpose.ANALYTICS, Channel.WEB, ConsentStatus.GRANTED, T2));

        ConsentLedger merged = underTest.mergeProfiles("gone", "keep", T3.plusSeconds(60));

        assertThat(merged.size()).isEqualTo(5);
        assertThat(merged.records().subList(0, 3)).isEqualTo(underTest.records());
        EffectiveConsent keep = merged.effective("keep");
        assertThat(keep.status(Purpose.MARKETING, Channel.EMAIL)).contains(ConsentStatus.DENIED);
        assertThat(keep.decidedBy(Purpose.MARKETING, Channel.EMAIL).orElseThrow().source()).isEqualTo("merge");
        assertThat(keep.permits(Purpose.ANALYTICS, Channel.WEB)).isTrue();
    }

    @Test
    void equalsAndHashCode_compareRecordsInOrder() {
        ConsentRecord first = record("p1", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED, T1);
        ConsentRecord second = record("p1", Purpose.MARKETING, Channel.EMAIL, ConsentStatus.DENIED, T2);
        ConsentLedger underTest = ConsentLedger.empty().append(first).append(second);

        assertThat(underTest).isEqualTo(ConsentLedger.of(List.of(first, second)))
                .hasSameHashCodeAs(ConsentLedger.of(List.of(first, second)))
                .isNotEqualTo(ConsentLedger.of(List.of(second, first)));
        assertThat(underTest.effective("p1")).isEqualTo(ConsentLedger.of(List.of(first, second)).effective("p1"))
                .isNotEqualTo(ConsentLedger.of(List.of(first)).effective("p1"));
    }

    static ConsentRecord record(String profile, Purpose purpose, Channel channel, ConsentStatus status, Instant time) {
        return ConsentRecord.of(profile, purpose, channel, status, "kiosk", time);
    }

    private static ConsentRecord everyChannel(String profile, Purpose purpose, ConsentStatus status, Instant time) {
        return new ConsentRecord(profile, purpose, ConsentRecord.ALL_CHANNELS, status, "kiosk", time, "");
    }
}
