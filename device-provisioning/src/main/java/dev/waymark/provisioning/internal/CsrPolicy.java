package dev.waymark.provisioning.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.DeviceRole;
import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * What a device's PKCS#10 request must satisfy: an EC P-256 key, a valid self-signature (proof that the device
 * holds the private key), and the subject {@code OU=<role>, O=<store>} of its token — the device does not know
 * its id yet, and may not ask for any other name.
 */
public final class CsrPolicy {

    private CsrPolicy() {
    }

    /** The subject a device puts in its request: {@code O=<store>, OU=<role>}. */
    public static String subject(String storeId, DeviceRole role) {
        return "O=" + storeId + ", OU=" + role.name().toLowerCase(Locale.ROOT);
    }

    /** The request's public key if it meets the policy, else a rejection naming {@code field}. */
    public static Decoded<PublicKey> check(String field, String pem, String storeId, DeviceRole role) {
        JcaPKCS10CertificationRequest csr;
        try {
            csr = new JcaPKCS10CertificationRequest(Pem.decode("CERTIFICATE REQUEST", pem));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            return Decoded.rejected(field, "is not a PEM PKCS#10 certificate request");
        }
        AlgorithmIdentifier keyAlgorithm = csr.getSubjectPublicKeyInfo().getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(keyAlgorithm.getAlgorithm())
                || !SECObjectIdentifiers.secp256r1.equals(keyAlgorithm.getParameters())) {
            return Decoded.rejected(field, "key must be EC P-256");
        }
        PublicKey key;
        try {
            key = csr.getPublicKey();
            boolean signed = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
            if (!signed || !(key instanceof ECPublicKey)) {
                return Decoded.rejected(field, "signature does not match its key (no proof of possession)");
            }
        } catch (OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
            return Decoded.rejected(field, "signature cannot be verified: " + e.getMessage());
        }
        if (!subjectMatches(csr.getSubject().getRDNs(), storeId, role)) {
            return Decoded.rejected(field, "subject must be exactly " + subject(storeId, role) + ", got "
                    + csr.getSubject());
        }
        if (csr.getAttributes().length > 0) {
            return Decoded.rejected(field, "must carry no attributes or extension requests");
        }
        return Decoded.accepted(key);
    }

    private static boolean subjectMatches(RDN[] rdns, String storeId, DeviceRole role) {
        if (rdns.length != 2) {
            return false;
        }
        return matches(rdns, BCStyle.O, storeId) && matches(rdns, BCStyle.OU, role.name().toLowerCase(Locale.ROOT));
    }

    private static boolean matches(RDN[] rdns, ASN1ObjectIdentifier type, String value) {
        for (RDN rdn : rdns) {
            if (rdn.isMultiValued()) {
                return false;
            }
            if (rdn.getFirst().getType().equals(type)) {
                return value.equals(IETFUtils.valueToString(rdn.getFirst().getValue()));
            }
        }
        return false;
    }
}
