package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.internal.DeviceNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCaTest {

    private final MutableClock clock = MutableClock.atNow();
    private final DeviceCa underTest = DeviceCa.generate("Waymark test CA", clock);

    @Test
    void issueClient_namesDeviceAndStore_withClientAuthOnly() throws Exception {
        var keys = TestPki.p256();

        X509Certificate cert = underTest.issueClient(keys.getPublic(), "store-1", "kiosk-1", DeviceRole.KIOSK,
                Duration.ofDays(90));

        cert.verify(underTest.certificate().getPublicKey());
        assertThat(DeviceNames.deviceId(cert)).contains("kiosk-1");
        assertThat(DeviceNames.storeId(cert)).contains("store-1");
        assertThat(DeviceNames.uris(cert)).containsExactly("wm:/s/store-1/d/kiosk-1");
        assertThat(cert.getExtendedKeyUsage()).containsExactly(DeviceNames.CLIENT_AUTH);
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getNotAfter().toInstant()).isBefore(clock.instant().plus(Duration.ofDays(91)));
    }

    @Test
    void issueHubServer_namesStoreInDnsAndUri_withServerAuthOnly() throws Exception {
        X509Certificate cert = underTest.issueHubServer(TestPki.p256().getPublic(), "store-1", "hub-1",
                "hub.store-1.local", Duration.ofDays(90));

        assertThat(cert.getExtendedKeyUsage()).containsExactly(DeviceNames.SERVER_AUTH);
        assertThat(cert.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder((Object) "hub.store-1.local", "wm:/s/store-1/hub");
    }

    @Test
    void fingerprint_isSha256HexOfCertificate() {
        assertThat(underTest.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(DeviceCa.generate("other", clock).fingerprint()).isNotEqualTo(underTest.fingerprint());
    }

    @Test
    void saveAndLoad_roundTripsWithPassword_ownerOnlyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ca.p12");
        char[] password = "correct horse battery".toCharArray();

        underTest.save(file, password);
        DeviceCa loaded = DeviceCa.load(file, password, clock);

        assertThat(loaded.fingerprint()).isEqualTo(underTest.fingerprint());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        X509Certificate issued = loaded.issueClient(TestPki.p256().getPublic(), "s", "d", DeviceRole.KIOSK,
                Duration.ofDays(1));
        issued.verify(underTest.certificate().getPublicKey());
    }

    @Test
    void load_wrongPassword_isRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ca.p12");
        underTest.save(file, "correct horse battery".toCharArray());

        assertThatThrownBy(() -> DeviceCa.load(file, "wrong password!!".toCharArray(), clock))
                .isInstanceOf(IOException.class);
    }

    @Test
    void save_shortPassword_isRejectedNamingPassword(@TempDir Path dir) {
        assertThatThrownBy(() -> underTest.save(dir.resolve("ca.p12"), "short".toCharArray()))
                .hasMessageStartingWith("password:");
    }

    @Test
    void revocationList_listsRevokedSerials_signedByCa() throws Exception {
        X509Certificate revoked = underTest.issueClient(TestPki.p256().getPublic(), "s", "d1", DeviceRole.KIOSK,
                Duration.ofDays(1));
        X509Certificate kept = underTest.issueClient(TestPki.p256().getPublic(), "s", "d2", DeviceRole.KIOSK,
                Duration.ofDays(1));

        X509CRL crl = underTest.revocationList(List.of(new Revocation(1, "d1", "s", DeviceCa.serialOf(revoked),
                Instant.now(), "revoked")), Duration.ofMinutes(1));

        crl.verify(underTest.certificate().getPublicKey());
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.isRevoked(kept)).isFalse();
        assertThat(crl.getNextUpdate().toInstant()).isAfter(clock.instant());
    }
}
