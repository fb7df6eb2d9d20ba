package dev.waymark.cloud.internal.gateway.broker;

import dev.waymark.provisioning.DeviceCa;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;

/**
 * The TLS files of the hub listener, made at every start: the cloud owns the device CA, so it issues itself a fresh
 * server certificate (EKU serverAuth, the configured names) instead of keeping a server key on disk between runs.
 * Hubs pin the CA's fingerprint, so a new server key per start changes nothing for them.
 */
final class ListenerKeys {

    // Renewed at every start; a year covers any realistic uptime.
    private static final Duration VALIDITY = Duration.ofDays(365);

    private ListenerKeys() {
    }

    /** Writes {@code server.p12} (server key and chain) and {@code trust.p12} (the CA) into {@code folder}. */
    static void write(Path folder, DeviceCa ca, List<String> serverNames, char[] password) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = ca.issueServiceServer(keys.getPublic(), serverNames, VALIDITY);
            KeyStore server = KeyStore.getInstance("PKCS12");
            server.load(null, null);
            server.setKeyEntry("gateway", keys.getPrivate(), password,
                    new Certificate[] {certificate, ca.certificate()});
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("waymark-ca", ca.certificate());
            Files.createDirectories(folder);
            store(server, folder.resolve("server.p12"), password);
            store(trust, folder.resolve("trust.p12"), password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the gateway's TLS keys: " + e.getMessage(), e);
        }
    }

    private static void store(KeyStore keys, Path file, char[] password)
            throws IOException, GeneralSecurityException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            keys.store(out, password);
        }
    }
}
