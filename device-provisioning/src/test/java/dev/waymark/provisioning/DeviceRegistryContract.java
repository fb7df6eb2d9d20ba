package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.device.DeviceRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeviceRegistry} store must do; {@link JdbcDeviceRegistryTest} runs it on SQLite,
 * {@link PostgresDeviceRegistryIT} on PostgreSQL.
 */
abstract class DeviceRegistryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String HASH = "a".repeat(64);

    private DeviceRegistry underTest;

    /** A registry over this test's store, fresh at the test's start; a second call reopens the same store. */
    abstract DeviceRegistry open();

    @BeforeEach
    void openRegistry() {
        underTest = open();
    }

    @AfterEach
    void closeRegistry() {
        underTest.close();
    }

    @Test
    void redeemToken_secondTime_changesNothing() {
        underTest.saveToken(token(HASH, T0.plus(Duration.ofHours(1))));

        assertThat(underTest.redeemToken(HASH, T0, Device.pending("k1", "store-1", DeviceRole.KIOSK))).isTrue();
        assertThat(underTest.redeemToken(HASH, T0, Device.pending("k2", "store-1", DeviceRole.KIOSK))).isFalse();

        assertThat(underTest.find("k2")).isEmpty();
        assertThat(underTest.findToken(HASH).orElseThrow().usedAt()).contains(T0);
    }

    @Test
    void redeemToken_expired_isRefused() {
        underTest.saveToken(token(HASH, T0.plus(Duration.ofHours(1))));

        assertThat(underTest.redeemToken(HASH, T0.plus(Duration.ofHours(1)),
                Device.pending("k1", "store-1", DeviceRole.KIOSK))).isFalse();
    }

    @Test
    void saveToken_sameHashTwice_isRejected() {
        underTest.saveToken(token(HASH, T0.plus(Duration.ofHours(1))));

        assertThatThrownBy(() -> underTest.saveToken(token(HASH, T0.plus(Duration.ofHours(1)))))
                .hasMessageStartingWith("hash:");
    }

    @Test
    void activate_thenRevoke_feedsMonotonicSequence() {
        enroll("k1", "s1");
        enroll("k2", "s1");

        Revocation first = underTest.revoke("k1", DeviceStatus.REVOKED, T0);
        Revocation second = underTest.revoke("k2", DeviceStatus.REPLACED, T0);

        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(underTest.revocationsSince(first.sequence(), 10)).containsExactly(second);
        assertThat(underTest.find("k1").orElseThrow().status()).isEqualTo(DeviceStatus.REVOKED);
        assertThat(underTest.find("k2").orElseThrow().status()).isEqualTo(DeviceStatus.REPLACED);
    }

    @Test
    void devices_listsStoreOnly_withCertificateAndLastSeen() {
        enroll("k1", "s1");
        enroll("k9", "s2");

        assertThat(underTest.devices("s1")).singleElement().satisfies(device -> {
            assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVE);
            assertThat(device.certSerial()).contains("abc123");
            assertThat(device.lastSeen()).contains(T0);
            assertThat(device.softwareVersion()).contains("1.0");
        });
    }

    @Test
    void revoke_unknownDevice_isRejectedNamingDeviceId() {
        assertThatThrownBy(() -> underTest.revoke("nope", DeviceStatus.REVOKED, T0))
                .hasMessageStartingWith("deviceId:");
    }

    @Test
    void audit_appendsInOrder_andSurvivesReopen() {
        underTest.audit(AuditEntry.of(T0, "10.0.0.1", "enroll", "store-1", "refused: token: unknown"));
        underTest.audit(AuditEntry.of(T0, "admin", "token.create", "store-1", "ok"));
        underTest.close();
        underTest = open();

        assertThat(underTest.auditSince(0, 10)).extracting(AuditEntry::sequence, AuditEntry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "enroll"),
                        org.assertj.core.groups.Tuple.tuple(2L, "token.create"));
    }

    @Test
    void device_equalsAndHashCode_followValues() {
        Device a = Device.pending("k1", "s1", DeviceRole.KIOSK);
        Device b = Device.pending("k1", "s1", DeviceRole.KIOSK);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(Device.pending("k2", "s1", DeviceRole.KIOSK));
    }

    private void enroll(String id, String store) {
        String hash = Integer.toHexString(id.hashCode()).repeat(8).substring(0, 8).repeat(8);
        underTest.saveToken(token(hash, T0.plus(Duration.ofHours(1)), store));
        underTest.redeemToken(hash, T0, Device.pending(id, store, DeviceRole.KIOSK));
        underTest.activate(id, "abc123", T0.plus(Duration.ofDays(90)), T0, "1.0");
    }

    private static TokenRecord token(String hash, Instant expires) {
        return token(hash, expires, "store-1");
    }

    private static TokenRecord token(String hash, Instant expires, String store) {
        return new TokenRecord(hash, store, DeviceRole.KIOSK, Optional.empty(), "admin", T0.minusSeconds(1), expires,
                Optional.empty());
    }
}
