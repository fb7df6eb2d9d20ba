package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.device.DeviceRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void revocation_equalsAndHashCode_followValues() {
        Revocation a = new Revocation(1, "k1", "s1", "ab12", T0, "revoked");
        Revocation b = new Revocation(1, "k1", "s1", "ab12", T0, "revoked");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(new Revocation(2, "k1", "s1", "ab12", T0,
                "revoked"));
    }

    @Test
    void revocation_upperCaseSerial_isRejectedNamingSerial() {
        assertThatThrownBy(() -> new Revocation(1, "k1", "s1", "AB12", T0, "revoked"))
                .hasMessageStartingWith("serial:");
    }

    @Test
    void tokenRecord_equalsAndHashCode_followValues_andExpiryMustFollowCreation() {
        TokenRecord a = token(T0.plus(Duration.ofHours(1)));

        assertThat(a).isEqualTo(token(T0.plus(Duration.ofHours(1)))).hasSameHashCodeAs(
                token(T0.plus(Duration.ofHours(1)))).isNotEqualTo(token(T0.plus(Duration.ofHours(2))));
        assertThatThrownBy(() -> token(T0)).hasMessageStartingWith("expiresAt:");
    }

    @Test
    void auditEntry_equalsAndHashCode_followValues() {
        AuditEntry a = AuditEntry.of(T0, "admin", "revoke", "k1", "ok");

        assertThat(a).isEqualTo(AuditEntry.of(T0, "admin", "revoke", "k1", "ok"))
                .hasSameHashCodeAs(AuditEntry.of(T0, "admin", "revoke", "k1", "ok"))
                .isNotEqualTo(AuditEntry.of(T0, "admin", "replace", "k1", "ok"));
    }

    @Test
    void settings_equalsAndHashCode_followValues_andFieldsAreValidated() {
        ProvisioningSettings a = TestPki.settings("https://prov");

        assertThat(a).isEqualTo(TestPki.settings("https://prov")).hasSameHashCodeAs(TestPki.settings("https://prov"))
                .isNotEqualTo(a.withTokenTtl(Duration.ofMinutes(5)));
        assertThat(a.tokenTtl()).isEqualTo(Duration.ofMinutes(60));
        assertThat(a.hubHost("store-1")).isEqualTo("hub.store-1.local");
        assertThatThrownBy(() -> TestPki.settings("http://prov")).hasMessageStartingWith("provisioningUrl:");
        assertThatThrownBy(() -> a.withTokenTtl(Duration.ZERO)).hasMessageStartingWith("tokenTtl:");
    }

    @Test
    void device_activeWithoutCertificate_isRejectedNamingCertSerial() {
        assertThatThrownBy(() -> new Device("k1", "s1", DeviceRole.KIOSK, DeviceStatus.ACTIVE, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())).hasMessageStartingWith("certSerial:");
    }

    @Test
    void tokenGrant_equalsAndHashCode_followValues_andHidesToken() {
        EnrollmentQr qr = new EnrollmentQr("https://prov", "wm1:kiosk:s1:secretsecretsecretsecretsecret12",
                "ab".repeat(32));
        TokenGrant a = new TokenGrant(qr, "s1", DeviceRole.KIOSK, T0, Optional.empty());

        assertThat(a).isEqualTo(new TokenGrant(qr, "s1", DeviceRole.KIOSK, T0, Optional.empty()))
                .hasSameHashCodeAs(new TokenGrant(qr, "s1", DeviceRole.KIOSK, T0, Optional.empty()))
                .isNotEqualTo(new TokenGrant(qr, "s1", DeviceRole.HUB, T0, Optional.empty()));
        assertThat(a.toString()).doesNotContain("secretsecret");
    }

    private static TokenRecord token(Instant expires) {
        return new TokenRecord("b".repeat(64), "s1", DeviceRole.KIOSK, Optional.empty(), "admin", T0, expires,
                Optional.empty());
    }
}
