package dev.waymark.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.device.DeviceRole;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    @Test
    void newToken_carriesRoleStoreAnd192BitSecret() {
        String token = TokenCodec.newToken("store-1", DeviceRole.HUB);

        TokenCodec.Parsed parsed = TokenCodec.parse(token).orElseThrow();

        assertThat(parsed.role()).isEqualTo(DeviceRole.HUB);
        assertThat(parsed.storeId()).isEqualTo("store-1");
        assertThat(Base64.getUrlDecoder().decode(parsed.secret())).hasSize(24);
        assertThat(parsed.hash()).matches("[0-9a-f]{64}").doesNotContain(parsed.secret());
    }

    @Test
    void newToken_neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenCodec.newToken("s", DeviceRole.KIOSK))).isTrue();
        }
    }

    @Test
    void parse_malformed_isRejectedNamingToken() {
        for (String bad : new String[] {"", "wm1:kiosk:s", "wm2:kiosk:s:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "wm1:robot:s:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wm1:kiosk:s/x:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "wm1:kiosk:s:short"}) {
            assertThat(TokenCodec.parse(bad).rejectionIfAny()).as(bad).hasValueSatisfying(
                    r -> assertThat(r.field()).isEqualTo("token"));
        }
    }
}
