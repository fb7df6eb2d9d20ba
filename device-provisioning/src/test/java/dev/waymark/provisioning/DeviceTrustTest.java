package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.device.DeviceRole;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class DeviceTrustTest {

    private final MutableClock clock = MutableClock.atNow();
    private final DeviceCa ca = DeviceCa.generate("Waymark test CA", clock);
    private final DeviceTrust underTest = DeviceTrust.forDevices(ca.certificate(), clock);

    @Test
    void update_olderListAfterNewer_keepsTheNewer() throws Exception {
        X509Certificate device = client("kiosk-1");
        X509CRL older = ca.revocationList(List.of(), Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(30));
        X509CRL newer = ca.revocationList(List.of(new Revocation(1, "kiosk-1", "store-1",
                DeviceCa.serialOf(device), clock.instant(), "revoked")), Duration.ofMinutes(1));

        underTest.update(newer);
        underTest.update(older);

        assertThat(underTest.isRevoked(device)).isTrue();
    }

    @Test
    void checkClientTrusted_expiredCertificate_isRefused() throws Exception {
        X509Certificate device = client("kiosk-1");
        underTest.checkClientTrusted(new X509Certificate[] {device}, "EC");

        clock.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> underTest.checkClientTrusted(new X509Certificate[] {device}, "EC"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void checkClientTrusted_caCertificateItself_isRefused() {
        assertThatThrownBy(() -> underTest.checkClientTrusted(new X509Certificate[] {ca.certificate()}, "EC"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("CA certificate");
    }

    @Test
    void forServers_clientCertificateAsServer_isRefusedForEku() throws Exception {
        X509TrustManager pinned = DeviceTrust.forServers(ca.fingerprint(), clock);

        assertThatThrownBy(() -> pinned.checkServerTrusted(new X509Certificate[] {client("kiosk-1"),
                ca.certificate()}, "EC")).hasMessageContaining("serverAuth");
    }

    @Test
    void forServers_chainWithoutPinnedCa_isRefused() {
        X509TrustManager pinned = DeviceTrust.forServers("0".repeat(64), clock);

        assertThatThrownBy(() -> pinned.checkServerTrusted(new X509Certificate[] {ca.certificate()}, "EC"))
                .hasMessageContaining("fingerprint");
    }

    @Test
    void forHub_hubOfAnotherStore_isRefused_ownStoreAccepted() throws Exception {
        X509Certificate hub = ca.issueHubServer(TestPki.p256().getPublic(), "store-2", "hub-2", "hub.store-2.local",
                Duration.ofDays(1));
        X509Certificate[] chain = {hub, ca.certificate()};

        DeviceTrust.forHub(ca.fingerprint(), "store-2", clock).checkServerTrusted(chain, "EC");
        assertThatThrownBy(() -> DeviceTrust.forHub(ca.fingerprint(), "store-1", clock)
                .checkServerTrusted(chain, "EC")).hasMessageContaining("does not name store store-1");
    }

    @Test
    void forServers_badFingerprint_isRejectedNamingIt() {
        assertThatThrownBy(() -> DeviceTrust.forServers("xyz", clock)).hasMessageStartingWith("caFingerprint:");
    }

    private X509Certificate client(String id) {
        return ca.issueClient(TestPki.p256().getPublic(), "store-1", id, DeviceRole.KIOSK, Duration.ofDays(1));
    }
}
