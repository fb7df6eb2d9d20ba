package dev.waymark.cloud.internal.keys;

import dev.waymark.decision.BundleSigner;
import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.provisioning.DeviceCa;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cloud's keys, each generated on first start and kept in password-protected PKCS#12 keystores in the data
 * directory (docs/operations.md says how to back them up and rotate them): the device CA ({@code ca.p12}), and in
 * {@code cloud-keys.p12} the Ed25519 bundle signing key (with a self-signed certificate, since PKCS#12 keeps private
 * keys with a certificate) and the HMAC pseudonymization key under its key id.
 */
public final class CloudKeys {

    private static final String SIGNING_ALIAS = "bundle-signing";
    private static final String PSEUDONYM_ALIAS = "pk-1";

    private final DeviceCa ca;
    private final PrivateKey signingKey;
    private final PublicKey verificationKey;
    private final PseudonymizationKey pseudonymizationKey;

    private CloudKeys(DeviceCa ca, PrivateKey signingKey, PublicKey verificationKey, PseudonymizationKey pseudonym) {
        this.ca = ca;
        this.signingKey = signingKey;
        this.verificationKey = verificationKey;
        this.pseudonymizationKey = pseudonym;
    }

    /**
     * Loads the keys from {@code dir}, creating what is missing. Blocking (file I/O, key generation).
     *
     * @throws IOException when a keystore cannot be read (wrong password, damaged) or written
     */
    public static CloudKeys loadOrCreate(Path dir, Secrets secrets, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Path caFile = dir.resolve("ca.p12");
        char[] caPassword = secrets.caPassword();
        if (!Files.exists(caFile)) {
            DeviceCa.generate("Waymark device CA", clock).save(caFile, caPassword);
        }
        DeviceCa ca = DeviceCa.load(caFile, caPassword, clock);
        Path keysFile = dir.resolve("cloud-keys.p12");
        char[] password = secrets.keystorePassword();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(keysFile)) {
                try (InputStream in = Files.newInputStream(keysFile)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
                KeyPair pair = KeyPairGenerator.getInstance(BundleSigner.ALGORITHM).generateKeyPair();
                store.setKeyEntry(SIGNING_ALIAS, pair.getPrivate(), password,
                        new Certificate[] {selfSigned(pair, clock)});
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                store.setEntry(PSEUDONYM_ALIAS, new KeyStore.SecretKeyEntry(new SecretKeySpec(secret, "HmacSHA256")),
                        new KeyStore.PasswordProtection(password));
                try (OutputStream out = Files.newOutputStream(keysFile)) {
                    store.store(out, password);
                }
                Secrets.ownerOnly(keysFile);
            }
            PrivateKey signing = (PrivateKey) store.getKey(SIGNING_ALIAS, password);
            PublicKey verification = store.getCertificate(SIGNING_ALIAS).getPublicKey();
            SecretKey pseudonym = (SecretKey) store.getKey(PSEUDONYM_ALIAS, password);
            return new CloudKeys(ca, signing, verification, PseudonymizationKey.of(PSEUDONYM_ALIAS,
                    pseudonym.getEncoded()));
        } catch (GeneralSecurityException | ClassCastException | NullPointerException e) {
            throw new IOException("cannot use " + keysFile + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, Clock clock) throws GeneralSecurityException {
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=Waymark bundle signing");
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(Duration.ofDays(3650))),
                    name, pair.getPublic()).build(new JcaContentSignerBuilder(BundleSigner.ALGORITHM)
                    .build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the bundle key's certificate", e);
        }
    }

    /** The device CA. */
    public DeviceCa ca() {
        return ca;
    }

    /** A bundle signer with the Ed25519 key, key id {@code bundle-signing}. */
    public BundleSigner bundleSigner() {
        return BundleSigner.of(signingKey, SIGNING_ALIAS);
    }

    /** The verification key as PEM, what devices receive at enrollment. */
    public String bundleVerificationPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(verificationKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The deployment's pseudonymization key. */
    public PseudonymizationKey pseudonymizationKey() {
        return pseudonymizationKey;
    }
}
