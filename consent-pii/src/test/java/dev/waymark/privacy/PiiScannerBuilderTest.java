package dev.waymark.privacy;

import static dev.waymark.privacy.ScannerAssertions.found;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PiiScannerBuilderTest {

    @Test
    void customPattern_loyaltyFormat_isFoundWithItsLabel() {
        PiiScanner underTest = PiiScanner.builder().customPattern("LOYALTY", "\\bWM-\\d{4}-\\d{4}\\b").build();

        assertThat(found(underTest, "loyalty card WM-1234-5678 scanned")).containsExactly("LOYALTY:WM-1234-5678");
    }

    @Test
    void customPattern_overlappingAPhone_winsOverThePhone() {
        PiiScanner underTest = PiiScanner.builder().customPattern("LOYALTY", "\\b\\d{3}-\\d{3}-\\d{4}\\b").build();

        assertThat(found(underTest, "card 415-555-2671")).containsExactly("LOYALTY:415-555-2671");
    }

    @Test
    void customPattern_malformedLabel_isRejectedNamingLabel() {
        assertThatThrownBy(() -> PiiScanner.builder().customPattern("loyalty card", "\\d+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("label:");
    }

    @Test
    void customPattern_builtInLabel_isRejectedNamingLabel() {
        assertThatThrownBy(() -> PiiScanner.builder().customPattern("EMAIL", "\\d+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("label:");
    }

    @Test
    void customPattern_badRegex_isRejectedNamingTheLabel() {
        assertThatThrownBy(() -> PiiScanner.builder().customPattern("LOYALTY", "(\\d+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("regex of LOYALTY:");
    }

    @Test
    void customPattern_matchingEmptyString_isRejected() {
        assertThatThrownBy(() -> PiiScanner.builder().customPattern("LOYALTY", "\\d*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty string");
    }

    @Test
    void defaultRegion_unknownRegion_isRejectedNamingDefaultRegion() {
        assertThatThrownBy(() -> PiiScanner.builder().defaultRegion("XX"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("defaultRegion:");
    }

    @Test
    void defaultRegion_germany_findsGermanNationalNumberWithoutExtraRegions() {
        PiiScanner underTest = PiiScanner.builder().defaultRegion("DE").extraPhoneRegions().build();

        assertThat(underTest.defaultRegion()).isEqualTo("DE");
        assertThat(found(underTest, "Ruf an: 030 901820 55")).containsExactly("PHONE:030 901820 55");
    }

    @Test
    void extraPhoneRegions_none_missesForeignNationalNumber() {
        PiiScanner underTest = PiiScanner.builder().extraPhoneRegions().build();

        assertThat(found(underTest, "Ruf an: 030 901820 55")).isEmpty();
    }

    @Test
    void scan_textWithSeveralKinds_returnsThemInOrderWithoutOverlap() {
        String text = "ann@example.com paid with 4111 1111 1111 1111 from 10.0.0.7, call +1 415 555 2671";

        assertThat(found(PiiScanner.standard(), text)).containsExactly("EMAIL:ann@example.com",
                "CARD:4111 1111 1111 1111", "IP:10.0.0.7", "PHONE:+1 415 555 2671");
    }

    @Test
    void scan_emptyText_findsNothing() {
        assertThat(PiiScanner.standard().scan("")).isEmpty();
    }
}
