package dev.waymark.provisioning.internal;

import dev.waymark.protocol.Topics;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reads the names our CA puts into certificates. */
public final class DeviceNames {

    /** OID of extended key usage clientAuth (RFC 5280 4.2.1.12). */
    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** OID of extended key usage serverAuth. */
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private static final int SAN_URI = 6;

    private DeviceNames() {
    }

    /** The device id (the subject CN) when it is a valid topic segment. */
    public static Optional<String> deviceId(X509Certificate certificate) {
        return attribute(certificate.getSubjectX500Principal(), BCStyle.CN).filter(DeviceNames::isSegment);
    }

    /** The store (the subject O) when it is a valid topic segment. */
    public static Optional<String> storeId(X509Certificate certificate) {
        return attribute(certificate.getSubjectX500Principal(), BCStyle.O).filter(DeviceNames::isSegment);
    }

    /** The certificate's SAN URIs. */
    public static List<String> uris(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> Integer.valueOf(SAN_URI).equals(n.get(0)))
                    .map(n -> String.valueOf(n.get(1))).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** True when the certificate lists this extended key usage. */
    public static boolean hasUsage(X509Certificate certificate, String oid) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages != null && usages.contains(oid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static Optional<String> attribute(X500Principal principal, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs(type);
        if (rdns.length != 1) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    private static boolean isSegment(String value) {
        try {
            Topics.requireSegment("id", value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
