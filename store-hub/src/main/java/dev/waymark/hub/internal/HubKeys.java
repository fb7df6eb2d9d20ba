package dev.waymark.hub.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hub's keys from its enrollment keystore: the client identity it shows upstream (alias {@value #CLIENT}), the
 * server identity of its TLS listener ({@value #SERVER}) and the device CA ({@value #CA}).
 */
public final class HubKeys {

    static final String CLIENT = "device";
    static final String SERVER = "hub-server";
    static final String CA = "waymark-ca";

    private final KeyStore store;
    private final char[] password;

    private HubKeys(KeyStore store, char[] password) {
        this.store = store;
        this.password = password.clone();
    }

    /** Loads and checks the keystore; IOException naming the file and what is missing. */
    public static HubKeys load(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : new String[] {CLIENT, SERVER}) {
                if (!(store.getKey(alias, password) instanceof PrivateKey)) {
                    throw new IOException(file + " holds no private key under alias " + alias
                            + " (enroll the hub with `waymark hub enroll`)");
                }
            }
            if (!(store.getCertificate(CA) instanceof X509Certificate)) {
                throw new IOException(file + " holds no CA certificate under alias " + CA);
            }
            return new HubKeys(store, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The device CA certificate. */
    public X509Certificate ca() {
        try {
            return (X509Certificate) store.getCertificate(CA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the CA certificate's DER, 64 lower-case hex digits: what enrollment pinned. */
    public String caFingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hub's client certificate (CN = its device id). */
    public X509Certificate clientCertificate() {
        try {
            return (X509Certificate) store.getCertificate(CLIENT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keystore itself, for the upstream client's key manager. */
    public KeyStore clientKeyStore() throws IOException {
        return only(CLIENT);
    }

    /** The password of every keystore this class writes or hands out. */
    public char[] password() {
        return password.clone();
    }

    /**
     * Writes the broker's TLS files into {@code folder} (owner-only): {@code server.p12} with the server identity
     * alone, so the listener can never pick the client certificate, and {@code trust.p12} with the CA.
     */
    public void writeBrokerFiles(Path folder) throws IOException {
        write(only(SERVER), folder.resolve("server.p12"));
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(CA, ca());
            write(trust, folder.resolve("trust.p12"));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the broker truststore: " + e.getMessage(), e);
        }
    }

    private KeyStore only(String alias) throws IOException {
        try {
            KeyStore out = KeyStore.getInstance("PKCS12");
            out.load(null, null);
            Certificate[] chain = store.getCertificateChain(alias);
            out.setKeyEntry(alias, store.getKey(alias, password), password, Arrays.copyOf(chain, chain.length));
            return out;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot copy key " + alias + ": " + e.getMessage(), e);
        }
    }

    private void write(KeyStore keys, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(temporary)) {
            keys.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
