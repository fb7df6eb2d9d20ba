package dev.waymark.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.PersonalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingPolicyTest {

    private final MaskingPolicy underTest = MaskingPolicy.defaults();

    @ParameterizedTest
    @CsvSource({"EMAIL, TOKEN", "PHONE, TOKEN", "LOYALTY_ID, TOKEN", "CUSTOMER_ID, TOKEN", "PAYMENT_CARD, PARTIAL",
        "IBAN, PARTIAL", "IP_ADDRESS, REDACT", "SSN, REDACT", "PERSON_NAME, DROP", "POSTAL_ADDRESS, DROP",
        "FREE_TEXT, DROP"})
    void defaults_mapEachKindToItsDocumentedStrategy(PersonalData kind, MaskingStrategy strategy) {
        assertThat(underTest.strategyFor("any", kind)).isEqualTo(strategy);
    }

    @Test
    void withField_optsOneFreeTextFieldIntoScan_leavesOthersDropped() {
        MaskingPolicy policy = underTest.withField("feedback.comment", MaskingStrategy.SCAN);

        assertThat(policy.strategyFor("feedback.comment", PersonalData.FREE_TEXT)).isEqualTo(MaskingStrategy.SCAN);
        assertThat(policy.strategyFor("search.query", PersonalData.FREE_TEXT)).isEqualTo(MaskingStrategy.DROP);
        assertThat(underTest.strategyFor("feedback.comment", PersonalData.FREE_TEXT)).isEqualTo(MaskingStrategy.DROP);
    }

    @Test
    void withKind_changesTheKindsStrategy() {
        assertThat(underTest.withKind(PersonalData.IP_ADDRESS, MaskingStrategy.DROP)
                .strategyFor("ip", PersonalData.IP_ADDRESS)).isEqualTo(MaskingStrategy.DROP);
    }

    @Test
    void scanStyle_defaultsToRedact_andCanBeToken() {
        assertThat(underTest.scanStyle()).isEqualTo(MaskStyle.REDACT);
        assertThat(underTest.withScanStyle(MaskStyle.TOKEN).scanStyle()).isEqualTo(MaskStyle.TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b"})
    void withField_malformedPath_isRejectedNamingPath(String path) {
        assertThatThrownBy(() -> underTest.withField(path, MaskingStrategy.SCAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("path:");
    }

    @Test
    void needsKeys_isTrueForDefaultsAndFalseOnceTokensAreRemoved() {
        MaskingPolicy underTest = MaskingPolicy.defaults().withField("comment", MaskingStrategy.SCAN)
                .withScanStyle(MaskStyle.TOKEN);

        assertThat(underTest.needsKeys()).isTrue();
        assertThat(underTest.withoutTokens().needsKeys()).isFalse();
        assertThat(underTest.withoutTokens().strategyFor("email", PersonalData.EMAIL))
                .isEqualTo(MaskingStrategy.REDACT);
        assertThat(underTest.withoutTokens().strategyFor("comment", PersonalData.FREE_TEXT))
                .isEqualTo(MaskingStrategy.SCAN);
    }
}
