package dev.waymark.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.device.DeviceRole;
import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/** A real TLS server with {@link DeviceTrust} and our CRL: the revoked device is refused, the other accepted. */
class RevokedDeviceTlsIT {

    private static final char[] NO_PASSWORD = new char[0];

    private final MutableClock clock = MutableClock.atNow();
    private final DeviceCa ca = DeviceCa.generate("Waymark test CA", clock);
    private final DeviceTrust underTest = DeviceTrust.forDevices(ca.certificate(), clock);

    @Test
    void handshake_revokedDeviceCertificate_isRefusedAfterCrlUpdate() throws Exception {
        Identity good = client("kiosk-good");
        Identity revoked = client("kiosk-stolen");
        underTest.update(ca.revocationList(List.of(new Revocation(1, "kiosk-stolen", "store-1",
                DeviceCa.serialOf(revoked.certificate()), Instant.now(), "revoked")), Duration.ofMinutes(1)));

        assertThat(handshake(good)).isEqualTo("ok");
        assertThat(handshake(revoked)).contains("revoked");
    }

    @Test
    void handshake_beforeRevocation_isAccepted_andAfterUpdate_refused() throws Exception {
        Identity device = client("kiosk-1");
        assertThat(handshake(device)).isEqualTo("ok");

        underTest.update(ca.revocationList(List.of(new Revocation(1, "kiosk-1", "store-1",
                DeviceCa.serialOf(device.certificate()), Instant.now(), "revoked")), Duration.ofMinutes(1)));

        assertThat(handshake(device)).contains("revoked");
    }

    @Test
    void handshake_serverCertificateAsClient_isRefusedForEku() throws Exception {
        KeyPair keys = TestPki.p256();
        X509Certificate serverCert = ca.issueHubServer(keys.getPublic(), "store-1", "hub-1", "hub.store-1.local",
                Duration.ofDays(1));

        assertThat(handshake(new Identity(keys, serverCert))).contains("clientAuth");
    }

    @Test
    void handshake_certificateFromAnotherCa_isRefused() throws Exception {
        DeviceCa other = DeviceCa.generate("impostor", clock);
        KeyPair keys = TestPki.p256();
        X509Certificate foreign = other.issueClient(keys.getPublic(), "store-1", "kiosk-x", DeviceRole.KIOSK,
                Duration.ofDays(1));

        // The client's key manager may not even offer a certificate the server's CA list does not name.
        assertThat(handshake(new Identity(keys, foreign))).isNotEqualTo("ok");
    }

    @Test
    void update_crlSignedByAnotherCa_isRejected() {
        DeviceCa other = DeviceCa.generate("impostor", clock);

        assertThatThrownBy(() -> underTest.update(other.revocationList(List.of(), Duration.ofMinutes(1))))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    private record Identity(KeyPair keys, X509Certificate certificate) {
    }

    private Identity client(String deviceId) {
        KeyPair keys = TestPki.p256();
        return new Identity(keys, ca.issueClient(keys.getPublic(), "store-1", deviceId, DeviceRole.KIOSK,
                Duration.ofDays(1)));
    }

    /** "ok" when the server accepted the client, else the server's handshake error. */
    private String handshake(Identity device) throws Exception {
        KeyPair serverKeys = TestPki.p256();
        X509Certificate serverCert = ca.issueServiceServer(serverKeys.getPublic(), List.of("localhost"),
                Duration.ofDays(1));
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers(serverKeys, serverCert), new TrustManager[] {underTest}, null);
        try (SSLServerSocket listener = (SSLServerSocket) serverTls.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<String> accepted = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.startHandshake();
                    socket.getOutputStream().write('!');
                    socket.getOutputStream().flush();
                    return "ok";
                } catch (IOException e) {
                    return String.valueOf(e.getMessage()) + " / " + e.getCause();
                }
            });
            SSLContext clientTls = SSLContext.getInstance("TLS");
            clientTls.init(keyManagers(device.keys(), device.certificate()),
                    new TrustManager[] {DeviceTrust.forServers(ca.fingerprint(), clock)}, null);
            try (SSLSocket socket = (SSLSocket) clientTls.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.startHandshake();
                socket.getInputStream().read();
            } catch (IOException expectedWhenRefused) {
                // With TLS 1.3 the client learns of the refusal on its first read; the server says why.
            }
            return accepted.get(20, TimeUnit.SECONDS);
        }
    }

    private javax.net.ssl.KeyManager[] keyManagers(KeyPair keys, X509Certificate cert) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate[] chain = cert.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())
                ? new Certificate[] {cert, ca.certificate()} : new Certificate[] {cert};
        store.setKeyEntry("k", keys.getPrivate(), NO_PASSWORD, chain);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, NO_PASSWORD);
        return factory.getKeyManagers();
    }
}
