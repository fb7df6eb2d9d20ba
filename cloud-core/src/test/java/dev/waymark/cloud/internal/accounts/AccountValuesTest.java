package dev.waymark.cloud.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.http.Scope;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountValuesTest {

    @Test
    void user_equalValues_areEqualWithEqualHashes() {
        User underTest = new User("sam", Role.STORE_MANAGER, new HashSet<>(Set.of("s-1")), 1, Optional.empty());
        User same = new User("sam", Role.STORE_MANAGER, Set.of("s-1"), 1, Optional.empty());

        assertThat(underTest).isEqualTo(same).hasSameHashCodeAs(same)
                .isNotEqualTo(new User("sam", Role.STORE_MANAGER, Set.of("s-1"), 1, Optional.of(2L)));
    }

    @Test
    void apiKey_equalValues_areEqualWithEqualHashes() {
        ApiKey underTest = key("web");
        ApiKey same = key("web");

        assertThat(underTest).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(key("app"));
    }

    @Test
    void toString_ofValuesHoldingSecrets_showsNoSecret() {
        User user = new User("mia", Role.MARKETING, Set.of(), 1, Optional.empty());
        Session session = new Session(user, "csrf-secret-value", 5);

        assertThat(new SignedIn("session-secret-value", session).toString())
                .doesNotContain("session-secret-value", "csrf-secret-value");
        assertThat(new IssuedKey(key("web"), "wm_sk_secret-value").toString()).doesNotContain("secret-value");
        assertThat(new UserChange(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("password-value")).toString()).doesNotContain("password-value");
    }

    private static ApiKey key(String label) {
        return new ApiKey("key_1", KeyKind.SECRET, Set.of(Scope.READ), Set.of(), label, "root", 1, Optional.empty());
    }
}
