package dev.waymark.benchmarks.hub;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceCa;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** A throw-away device CA with a hub keystore and kiosk TLS identities, as enrollment would make them. */
final class BenchPki {

    static final String PASSWORD = "bench-password-1";
    static final String STORE = "store-bench";

    private final DeviceCa ca = DeviceCa.generate("Waymark bench CA", Clock.systemUTC());

    Path hubKeystore(Path folder) throws Exception {
        KeyPair client = p256();
        KeyPair server = p256();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("device", client.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {
            ca.issueClient(client.getPublic(), STORE, "hub-bench", DeviceRole.HUB, Duration.ofDays(1)),
            ca.certificate()});
        store.setKeyEntry("hub-server", server.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {
            ca.issueHubServer(server.getPublic(), STORE, "hub-bench", "localhost", Duration.ofDays(1)),
            ca.certificate()});
        store.setCertificateEntry("waymark-ca", ca.certificate());
        Path file = folder.resolve("hub.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** TLS for one kiosk: its client certificate, trusting the CA. */
    SSLSocketFactory kioskTls(String deviceId) throws GeneralSecurityException, java.io.IOException {
        KeyPair keys = p256();
        X509Certificate cert = ca.issueClient(keys.getPublic(), STORE, deviceId, DeviceRole.KIOSK, Duration.ofDays(1));
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("me", keys.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {cert, ca.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, PASSWORD.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
