package dev.waymark.privacy;

import static dev.waymark.privacy.TextMaskerTest.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.PersonalData;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final PseudonymizationKey OLD = PseudonymizationKey.of("2026-05", filled(1));
    private static final PseudonymizationKey NEW = PseudonymizationKey.of("2026-11", filled(2));

    @Test
    void tokens_outsideRotation_isOneTokenUnderTheActiveKey() {
        KeyRing underTest = KeyRing.of(NEW);

        assertThat(underTest.inRotation()).isFalse();
        assertThat(underTest.tokens(PersonalData.EMAIL, "ann@example.com"))
                .containsExactly(Pseudonymizer.of(NEW).token(PersonalData.EMAIL, "ann@example.com"));
    }

    @Test
    void tokens_inRotationWindow_isOnePerKeyActiveFirst() {
        KeyRing underTest = KeyRing.rotating(NEW, OLD, "US");

        assertThat(underTest.inRotation()).isTrue();
        assertThat(underTest.activeKeyId()).isEqualTo("2026-11");
        assertThat(underTest.tokens(PersonalData.PHONE, "(415) 555-2671")).containsExactly(
                Pseudonymizer.of(NEW).token(PersonalData.PHONE, "+14155552671"),
                Pseudonymizer.of(OLD).token(PersonalData.PHONE, "+14155552671"));
        assertThat(underTest.token(PersonalData.PHONE, "(415) 555-2671")).startsWith("tok:2026-11:");
    }

    @Test
    void rotating_twoKeysWithSameId_isRejectedNamingPrevious() {
        assertThatThrownBy(() -> KeyRing.rotating(NEW, PseudonymizationKey.of("2026-11", filled(3)), "US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("previous:");
    }

    @Test
    void toString_showsKeyIdsOnly() {
        assertThat(KeyRing.rotating(NEW, OLD, "US").toString()).isEqualTo("KeyRing[2026-11, 2026-05]");
    }
}
