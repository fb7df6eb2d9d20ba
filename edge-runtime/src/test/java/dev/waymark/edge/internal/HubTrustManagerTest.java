package dev.waymark.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.edge.support.TestPki;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubTrustManagerTest {

    @TempDir
    Path dir;

    @Test
    void hubOfThisStore_issuedByTheEnrolledCa_isTrusted() throws Exception {
        TestPki pki = TestPki.create("Device CA");
        HubTrustManager underTest = HubTrustManager.of(List.of(pki.caPem()), pki.caFingerprint(), "store-1");
        assertThatCode(() -> underTest.checkServerTrusted(chain(pki, "hub.store-1.local"), "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
    }

    @Test
    void hubOfAnotherStore_isRefusedNamingTheStore() throws Exception {
        TestPki pki = TestPki.create("Device CA");
        HubTrustManager underTest = HubTrustManager.of(List.of(pki.caPem()), pki.caFingerprint(), "store-1");
        assertThatThrownBy(() -> underTest.checkServerTrusted(chain(pki, "hub.store-12.local"), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("does not name store store-1");
    }

    @Test
    void hubIssuedByAnotherCa_isRefused() throws Exception {
        TestPki enrolled = TestPki.create("Device CA");
        TestPki other = TestPki.create("Device CA");
        HubTrustManager underTest = HubTrustManager.of(List.of(enrolled.caPem()), enrolled.caFingerprint(),
                "store-1");
        assertThatThrownBy(() -> underTest.checkServerTrusted(chain(other, "hub.store-1.local"), "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("does not chain");
    }

    @Test
    void anchorsWithoutTheEnrolledFingerprint_areRefusedNamingCaFingerprint() throws Exception {
        TestPki pki = TestPki.create("Device CA");
        assertThatThrownBy(() -> HubTrustManager.of(List.of(pki.caPem()), "0".repeat(64), "store-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("caFingerprint:");
    }

    @Test
    void acceptedIssuers_areTheEnrolledCaOnly() throws Exception {
        TestPki pki = TestPki.create("Device CA");
        HubTrustManager underTest = HubTrustManager.of(List.of(pki.caPem()), pki.caFingerprint(), "store-1");
        assertThat(underTest.getAcceptedIssuers()).containsExactly(pki.ca());
    }

    private X509Certificate[] chain(TestPki pki, String dnsName) throws Exception {
        Path file = pki.hubKeystore(dir.resolve(dnsName + ".p12"), dnsName);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            store.load(in, TestPki.PASSWORD.toCharArray());
        }
        return java.util.Arrays.stream(store.getCertificateChain("hub")).map(c -> (X509Certificate) c)
                .toArray(X509Certificate[]::new);
    }
}
