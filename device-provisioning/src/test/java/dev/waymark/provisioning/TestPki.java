package dev.waymark.provisioning;

import dev.waymark.privacy.PseudonymizationKey;
import dev.waymark.provisioning.internal.Pem;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys, CSRs and settings for tests. */
final class TestPki {

    static final String BUNDLE_KEY_PEM;

    static {
        try {
            KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            BUNDLE_KEY_PEM = Pem.encode("PUBLIC KEY", ed.getPublic().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestPki() {
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair p256() {
        return ec("secp256r1");
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PEM CSR for {@code publicKey} signed by {@code signingKey} (pass another key to break proof of possession). */
    static String csr(String subject, PublicKey publicKey, PrivateKey signingKey) {
        try {
            String algorithm = signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), publicKey)
                    .build(new JcaContentSignerBuilder(algorithm).build(signingKey));
            return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String csr(String subject, KeyPair keys) {
        return csr(subject, keys.getPublic(), keys.getPrivate());
    }

    static PseudonymizationKey pseudonymizationKey() {
        return PseudonymizationKey.of("pk-2026", new byte[32]);
    }

    static ProvisioningSettings settings(String url) {
        return ProvisioningSettings.of(url, "hub.{store}.local", BUNDLE_KEY_PEM, pseudonymizationKey());
    }
}
