package dev.waymark.cloud.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher underTest = PasswordHasher.owaspMinimum();

    @Test
    void verify_samePassword_matches() {
        String encoded = underTest.hash("correct horse battery");

        assertThat(underTest.verify("correct horse battery", encoded)).isTrue();
    }

    @Test
    void verify_wrongPassword_doesNotMatch() {
        String encoded = underTest.hash("correct horse battery");

        assertThat(underTest.verify("correct horse batterz", encoded)).isFalse();
        assertThat(underTest.verify("", encoded)).isFalse();
    }

    @Test
    void hash_encodesOwaspParametersAndAFreshSalt() {
        String first = underTest.hash("correct horse battery");
        String second = underTest.hash("correct horse battery");

        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void verify_hashMadeWithOtherParameters_usesTheEncodedOnes() {
        String cheap = new PasswordHasher(64, 1, 2).hash("an older password");

        assertThat(cheap).startsWith("$argon2id$v=19$m=64,t=1,p=2$");
        assertThat(underTest.verify("an older password", cheap)).isTrue();
        assertThat(underTest.verify("another password", cheap)).isFalse();
    }

    @Test
    void verify_malformedOrHostileEncoding_isFalseWithoutThrowing() {
        String salt = "AAAAAAAAAAAAAAAAAAAAAA";
        String tag = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        assertThat(underTest.verify("pw", "")).isFalse();
        assertThat(underTest.verify("pw", "plain text")).isFalse();
        assertThat(underTest.verify("pw", "$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + tag)).isFalse();
        assertThat(underTest.verify("pw", "$argon2id$v=19$m=9999999,t=1,p=1$" + salt + "$" + tag)).isFalse();
        assertThat(underTest.verify("pw", "$argon2id$v=19$m=64,t=99,p=1$" + salt + "$" + tag)).isFalse();
        assertThat(underTest.verify("pw", "$argon2id$v=19$m=64,t=1,p=1$A" + salt + "$" + tag)).isFalse();
    }

    @Test
    void constructor_parameterOutOfRange_namesIt() {
        assertThatThrownBy(() -> new PasswordHasher(4, 1, 1)).hasMessageStartingWith("memoryKib");
        assertThatThrownBy(() -> new PasswordHasher(64, 0, 1)).hasMessageStartingWith("iterations");
        assertThatThrownBy(() -> new PasswordHasher(64, 1, 0)).hasMessageStartingWith("parallelism");
    }
}
