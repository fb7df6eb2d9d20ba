package dev.waymark.privacy;

import static dev.waymark.privacy.TextMaskerTest.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.PersonalData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PseudonymizerTest {

    private final Pseudonymizer underTest = Pseudonymizer.of(PseudonymizationKey.of("2026-11", filled(7)));

    @Test
    void token_isTheTruncatedHmacOfKindAndNormalisedValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(filled(7), "HmacSHA256"));
        byte[] digest = mac.doFinal("email:ann@example.com".getBytes(StandardCharsets.UTF_8));
        String expected = "tok:2026-11:" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(digest, 16));

        assertThat(underTest.token(PersonalData.EMAIL, " Ann@Example.COM ")).isEqualTo(expected);
        assertThat(expected).hasSize("tok:2026-11:".length() + 22);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EMAIL|ann@example.com|  ANN@example.com",
        "PHONE|(415) 555-2671|+1 415-555-2671",
        "PHONE|+14155552671|1 (415) 555-2671",
        "PAYMENT_CARD|4111 1111 1111 1111|4111-1111-1111-1111",
        "IBAN|GB82 WEST 1234 5698 7654 32|gb82west12345698765432",
        "SSN|460-89-9847|460 89 9847",
        "LOYALTY_ID|wm-1234 5678|WM12345678"})
    void token_sameIdentityWrittenTwoWays_givesSameToken(PersonalData kind, String one, String other) {
        assertThat(underTest.token(kind, one)).isEqualTo(underTest.token(kind, other));
    }

    @Test
    void token_sameDigitsAsDifferentKinds_givesDifferentTokens() {
        assertThat(underTest.token(PersonalData.PAYMENT_CARD, "4111111111111111"))
                .isNotEqualTo(underTest.token(PersonalData.LOYALTY_ID, "4111111111111111"));
    }

    @Test
    void token_differentKeys_giveDifferentTokens() {
        Pseudonymizer other = Pseudonymizer.of(PseudonymizationKey.of("2026-11", filled(8)));

        assertThat(other.token(PersonalData.EMAIL, "ann@example.com"))
                .isNotEqualTo(underTest.token(PersonalData.EMAIL, "ann@example.com"));
    }

    @Test
    void token_nationalPhone_isReadInTheConfiguredRegion() {
        Pseudonymizer british = Pseudonymizer.of(PseudonymizationKey.of("k", filled(7)), "GB");

        assertThat(british.token(PersonalData.PHONE, "020 7946 0958"))
                .isEqualTo(underTest.token(PersonalData.PHONE, "+44 20 7946 0958").replace("tok:2026-11:", "tok:k:"));
    }

    @Test
    void of_unknownRegion_isRejectedNamingPhoneRegion() {
        assertThatThrownBy(() -> Pseudonymizer.of(PseudonymizationKey.of("k", filled(7)), "ZZ"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("phoneRegion:");
    }
}
