package dev.waymark.hub.support;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceCa;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** A device CA with the hub's keystore and kiosk identities, as enrollment would produce them. */
public final class TestPki {

    public static final String PASSWORD = "hub-test-password";
    public static final String STORE = "store-1";
    public static final String HUB = "hub-test00001";

    private final DeviceCa ca;
    private final Path folder;

    public TestPki(Path folder) {
        this.ca = DeviceCa.generate("Waymark test CA", Clock.systemUTC());
        this.folder = folder;
    }

    public DeviceCa ca() {
        return ca;
    }

    /** The hub keystore: aliases device (client), hub-server (server), waymark-ca. */
    public Path hubKeystore() throws Exception {
        KeyPair client = p256();
        KeyPair server = p256();
        X509Certificate clientCert = ca.issueClient(client.getPublic(), STORE, HUB, DeviceRole.HUB, Duration.ofDays(1));
        X509Certificate serverCert = ca.issueHubServer(server.getPublic(), STORE, HUB, "localhost", Duration.ofDays(1));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("device", client.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {clientCert, ca.certificate()});
        store.setKeyEntry("hub-server", server.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {serverCert, ca.certificate()});
        store.setCertificateEntry("waymark-ca", ca.certificate());
        Path file = folder.resolve("hub.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** A kiosk identity of {@code store} issued by this CA. */
    public Identity kiosk(String store, String deviceId) {
        KeyPair keys = p256();
        return new Identity(deviceId, keys, ca.issueClient(keys.getPublic(), store, deviceId, DeviceRole.KIOSK,
                Duration.ofDays(1)), ca.certificate());
    }

    /** A kiosk identity from a CA that is not ours. */
    public static Identity stranger(String deviceId) {
        DeviceCa other = DeviceCa.generate("Someone else's CA", Clock.systemUTC());
        KeyPair keys = p256();
        return new Identity(deviceId, keys, other.issueClient(keys.getPublic(), STORE, deviceId, DeviceRole.KIOSK,
                Duration.ofDays(1)), other.certificate());
    }

    /** TLS trusting our CA and showing no certificate. */
    public SSLSocketFactory anonymousTls() throws Exception {
        return tls(null);
    }

    /** TLS trusting our CA and showing {@code identity}. */
    public SSLSocketFactory tls(Identity identity) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        KeyManagerFactory keyManagers = null;
        if (identity != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("me", identity.keys().getPrivate(), PASSWORD.toCharArray(),
                    new Certificate[] {identity.certificate(), identity.issuer()});
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
        }
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                null);
        return context.getSocketFactory();
    }

    /** PEM files for mosquitto clients: {@code <id>.crt}, {@code <id>.key}, and {@code ca.crt}. */
    public Path[] pemFiles(Identity identity) throws IOException {
        Path cert = folder.resolve(identity.deviceId() + ".crt");
        Path key = folder.resolve(identity.deviceId() + ".key");
        Path caFile = folder.resolve("ca.crt");
        try {
            Files.writeString(cert, pem("CERTIFICATE", identity.certificate().getEncoded()));
            Files.writeString(key, pem("PRIVATE KEY", identity.keys().getPrivate().getEncoded()));
            Files.writeString(caFile, pem("CERTIFICATE", ca.certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
        return new Path[] {cert, key, caFile};
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A device's key and certificate. */
    public record Identity(String deviceId, KeyPair keys, X509Certificate certificate, X509Certificate issuer) {
    }
}
