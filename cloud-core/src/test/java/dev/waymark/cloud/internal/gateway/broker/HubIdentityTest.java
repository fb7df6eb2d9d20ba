package dev.waymark.cloud.internal.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceCa;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubIdentityTest {

    private static final DeviceCa CA = DeviceCa.generate("test CA", Clock.systemUTC());

    @Test
    void of_hubCertificate_namesItsStoreAndDevice() throws Exception {
        assertThat(HubIdentity.of(CA.issueClient(key(), "s1", "hub-1", DeviceRole.HUB, Duration.ofDays(1))))
                .contains(new HubIdentity("s1", "hub-1"));
    }

    @Test
    void of_kioskCertificate_isNoHub() throws Exception {
        assertThat(HubIdentity.of(CA.issueClient(key(), "s1", "k1", DeviceRole.KIOSK, Duration.ofDays(1))))
                .isEmpty();
    }

    @Test
    void of_serverCertificate_isNoHub() throws Exception {
        assertThat(HubIdentity.of(CA.issueServiceServer(key(), List.of("localhost"), Duration.ofDays(1)))).isEmpty();
        assertThat(HubIdentity.of(CA.issueHubServer(key(), "s1", "hub-1", "localhost", Duration.ofDays(1))))
                .isEmpty();
    }

    private static PublicKey key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }
}
