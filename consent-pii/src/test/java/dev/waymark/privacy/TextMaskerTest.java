package dev.waymark.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.PersonalData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextMaskerTest {

    private static final PseudonymizationKey KEY = PseudonymizationKey.of("k1", filled(1));
    private static final String TEXT = "Mail ann@example.com or call (415) 555-2671; card 4111 1111 1111 1111, "
            + "IBAN GB82 WEST 1234 5698 7654 32, IP 10.0.0.7, SSN 460-89-9847.";

    private final TextMasker underTest = TextMasker.create(PiiScanner.standard(), KeyRing.of(KEY));

    @Test
    void mask_redact_replacesEachMatchByItsKind() {
        assertThat(underTest.mask(TEXT, MaskStyle.REDACT)).isEqualTo(
                "Mail [EMAIL] or call [PHONE]; card [CARD], IBAN [IBAN], IP [IP], SSN [SSN].");
    }

    @Test
    void mask_token_replacesEachMatchByTheTokenOfItsFieldKind() {
        Pseudonymizer pseudonymizer = Pseudonymizer.of(KEY);

        String masked = underTest.mask("Mail Ann@Example.com or call (415) 555-2671", MaskStyle.TOKEN);

        assertThat(masked).isEqualTo("Mail " + pseudonymizer.token(PersonalData.EMAIL, "ann@example.com")
                + " or call " + pseudonymizer.token(PersonalData.PHONE, "+14155552671"));
    }

    @Test
    void mask_customPattern_redactsWithItsLabel() {
        TextMasker masker = TextMasker.redacting(PiiScanner.builder().customPattern("LOYALTY", "WM-\\d{8}").build());

        assertThat(masker.mask("card WM-12345678 ok", MaskStyle.REDACT)).isEqualTo("card [LOYALTY] ok");
    }

    @Test
    void mask_textWithoutPii_isUnchanged() {
        assertThat(underTest.mask("Order ORD-2024-000123 at 2024-03-15T10:20:30Z", MaskStyle.REDACT))
                .isEqualTo("Order ORD-2024-000123 at 2024-03-15T10:20:30Z");
    }

    @Test
    void mask_tokenOnRedactingMasker_throwsIllegalState() {
        TextMasker masker = TextMasker.redacting(PiiScanner.standard());

        assertThatThrownBy(() -> masker.mask("ann@example.com", MaskStyle.TOKEN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key ring");
    }

    static byte[] filled(int value) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) value);
        return secret;
    }
}
