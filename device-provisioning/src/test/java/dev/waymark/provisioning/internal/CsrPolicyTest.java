package dev.waymark.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.DeviceRole;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class CsrPolicyTest {

    private static final String SUBJECT = "O=store-1, OU=kiosk";

    @Test
    void check_p256WithTokenSubject_isAccepted() throws Exception {
        KeyPair keys = keys("EC", "secp256r1");

        Decoded<PublicKey> result = CsrPolicy.check("csr", csr(SUBJECT, keys, keys), "store-1", DeviceRole.KIOSK);

        assertThat(result.acceptedValue()).contains(keys.getPublic());
    }

    @Test
    void check_rsaKey_isRejectedNamingCsr() throws Exception {
        KeyPair keys = keys("RSA", null);

        assertRejected(CsrPolicy.check("csr", csr(SUBJECT, keys, keys), "store-1", DeviceRole.KIOSK),
                "key must be EC P-256");
    }

    @Test
    void check_p384Key_isRejected() throws Exception {
        KeyPair keys = keys("EC", "secp384r1");

        assertRejected(CsrPolicy.check("csr", csr(SUBJECT, keys, keys), "store-1", DeviceRole.KIOSK),
                "key must be EC P-256");
    }

    @Test
    void check_signedWithAnotherKey_failsProofOfPossession() throws Exception {
        KeyPair claimed = keys("EC", "secp256r1");
        KeyPair signer = keys("EC", "secp256r1");

        assertRejected(CsrPolicy.check("csr", csr(SUBJECT, claimed, signer), "store-1", DeviceRole.KIOSK),
                "proof of possession");
    }

    @Test
    void check_subjectAskingForAName_isRejected() throws Exception {
        KeyPair keys = keys("EC", "secp256r1");

        assertRejected(CsrPolicy.check("csr", csr("CN=admin, O=store-1, OU=kiosk", keys, keys), "store-1",
                DeviceRole.KIOSK), "subject must be exactly");
    }

    @Test
    void check_subjectForAnotherStoreOrRole_isRejected() throws Exception {
        KeyPair keys = keys("EC", "secp256r1");

        assertRejected(CsrPolicy.check("csr", csr("O=store-2, OU=kiosk", keys, keys), "store-1", DeviceRole.KIOSK),
                "subject must be exactly");
        assertRejected(CsrPolicy.check("csr", csr("O=store-1, OU=hub", keys, keys), "store-1", DeviceRole.KIOSK),
                "subject must be exactly");
    }

    @Test
    void check_notPem_isRejectedNamingField() {
        assertRejected(CsrPolicy.check("serverCsr", "hello", "store-1", DeviceRole.HUB), "is not a PEM");
        assertThat(CsrPolicy.check("serverCsr", "hello", "store-1", DeviceRole.HUB).rejectionIfAny().orElseThrow()
                .field()).isEqualTo("serverCsr");
    }

    private static void assertRejected(Decoded<PublicKey> result, String reason) {
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.rejectionIfAny().orElseThrow().reason()).contains(reason);
    }

    private static KeyPair keys(String algorithm, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static String csr(String subject, KeyPair subjectKeys, KeyPair signer) throws Exception {
        String algorithm = signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA"
                : signer.getPublic().toString().contains("384") ? "SHA384withECDSA" : "SHA256withECDSA";
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), subjectKeys.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate()));
        return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
    }
}
