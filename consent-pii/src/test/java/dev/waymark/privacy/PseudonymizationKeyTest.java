package dev.waymark.privacy;

import static dev.waymark.privacy.TextMaskerTest.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymizationKeyTest {

    @Test
    void toString_neverShowsTheSecret() {
        PseudonymizationKey underTest = PseudonymizationKey.of("k1", filled(0x41));

        assertThat(underTest.toString()).contains("k1").doesNotContain("AAAA").doesNotContain("65");
    }

    @Test
    void equalsAndHashCode_compareIdAndSecretContent() {
        PseudonymizationKey underTest = PseudonymizationKey.of("k1", filled(1));

        assertThat(underTest).isEqualTo(PseudonymizationKey.of("k1", filled(1)))
                .hasSameHashCodeAs(PseudonymizationKey.of("k1", filled(1)))
                .isNotEqualTo(PseudonymizationKey.of("k2", filled(1)))
                .isNotEqualTo(PseudonymizationKey.of("k1", filled(2)));
    }

    @Test
    void secret_isCopiedInAndOut() {
        byte[] secret = filled(1);
        PseudonymizationKey underTest = PseudonymizationKey.of("k1", secret);
        secret[0] = 9;
        underTest.secret()[1] = 9;

        assertThat(underTest.secret()).isEqualTo(filled(1));
    }

    @Test
    void of_shortSecret_isRejectedNamingSecret() {
        assertThatThrownBy(() -> PseudonymizationKey.of("k1", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secret:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "key:1", "a b", "k-123456789-123456789-123456789-12"})
    void of_badKeyId_isRejectedNamingKeyId(String keyId) {
        assertThatThrownBy(() -> PseudonymizationKey.of(keyId, filled(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("keyId:");
    }
}
