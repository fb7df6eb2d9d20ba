package dev.waymark.cloud.testing;

import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceEnrollment;
import dev.waymark.provisioning.DeviceTrust;
import dev.waymark.provisioning.NoDelaySockets;
import dev.waymark.provisioning.ProvisioningAdmin;
import dev.waymark.provisioning.TokenGrant;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import javax.crypto.SecretKey;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A hub enrolled through the cloud's real provisioning service (token, CSR, certificate), as {@code waymark hub
 * enroll} does: its device id, its TLS client identity and the deployment's pseudonymization key it received.
 */
public record EnrolledHub(String storeId, String deviceId, SocketFactory sockets, PseudonymizationKey key) {

    private static final char[] PASSWORD = "hub-keystore-password".toCharArray();

    /** Creates a hub token with {@code adminKey} and enrolls with it into {@code dir}. */
    public static EnrolledHub enroll(int provisioningPort, String caFingerprint, String adminKey, String storeId,
            Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        String url = "https://localhost:" + provisioningPort + "/provisioning/v1";
        TokenGrant grant = ProvisioningAdmin.connect(url, caFingerprint, adminKey, clock)
                .createToken(storeId, DeviceRole.HUB);
        DeviceEnrollment.Result result = DeviceEnrollment.enroll(grant.qr(), DeviceRole.HUB, dir, PASSWORD, "test/1",
                clock);
        KeyStore enrolled = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(result.keystore())) {
            enrolled.load(in, PASSWORD);
        }
        // Only the client identity: with the hub's server key beside it the key manager could pick either.
        KeyStore client = KeyStore.getInstance("PKCS12");
        client.load(null, PASSWORD);
        client.setKeyEntry("device", enrolled.getKey("device", PASSWORD), PASSWORD,
                enrolled.getCertificateChain("device"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(client, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keys.getKeyManagers(), new TrustManager[] {DeviceTrust.forServers(caFingerprint, clock)}, null);
        String alias = result.config().pseudonymizationKeyAlias();
        SecretKey secret = (SecretKey) enrolled.getKey(alias, PASSWORD);
        return new EnrolledHub(storeId, result.config().deviceId(), NoDelaySockets.tls(tls.getSocketFactory()),
                PseudonymizationKey.of(alias, secret.getEncoded()));
    }
}
