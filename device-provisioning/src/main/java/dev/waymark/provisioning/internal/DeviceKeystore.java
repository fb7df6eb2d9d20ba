package dev.waymark.provisioning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/** Reads and writes the device's PKCS#12 keystore, owner-only (mode 600), replaced atomically. */
public final class DeviceKeystore {

    /** Alias of the device's client key and chain. */
    public static final String CLIENT_ALIAS = "device";
    /** Alias of a hub's TLS server key and chain. */
    public static final String SERVER_ALIAS = "hub-server";
    /** Alias of the device CA certificate (a trusted entry). */
    public static final String CA_ALIAS = "waymark-ca";

    private DeviceKeystore() {
    }

    /** An empty or existing keystore. */
    public static KeyStore open(Optional<Path> file, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (file.isPresent() && Files.exists(file.get())) {
                try (InputStream in = Files.newInputStream(file.get())) {
                    store.load(in, password);
                }
            } else {
                store.load(null, null);
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open keystore: " + e.getMessage(), e);
        }
    }

    /** Puts a private key with its chain. */
    public static void putKey(KeyStore store, String alias, PrivateKey key, List<X509Certificate> chain,
                              char[] password) throws IOException {
        try {
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot store key " + alias + ": " + e.getMessage(), e);
        }
    }

    /** Puts the pseudonymization key as a secret-key entry under its key id. */
    public static void putSecret(KeyStore store, String keyId, byte[] secret, char[] password) throws IOException {
        try {
            store.setEntry(keyId, new KeyStore.SecretKeyEntry(new SecretKeySpec(secret, "HmacSHA256")),
                    new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot store secret key " + keyId + ": " + e.getMessage(), e);
        }
    }

    /** Puts the CA as a trusted certificate. */
    public static void putCa(KeyStore store, X509Certificate ca) throws IOException {
        try {
            store.setCertificateEntry(CA_ALIAS, ca);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot store CA certificate: " + e.getMessage(), e);
        }
    }

    /** Writes the keystore to {@code file} with mode 600, via a temporary file and an atomic rename. */
    public static void write(KeyStore store, Path file, char[] password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".keystore", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write keystore: " + e.getMessage(), e);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes a text file atomically with the given permissions (e.g. rw-r-----). */
    public static void writeText(Path file, byte[] content, String permissions) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".config", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        try {
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
