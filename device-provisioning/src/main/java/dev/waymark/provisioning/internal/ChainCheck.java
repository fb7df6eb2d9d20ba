package dev.waymark.provisioning.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/** The checks every peer certificate of ours must pass, whichever side asks. */
public final class ChainCheck {

    private ChainCheck() {
    }

    /**
     * Throws {@link CertificateException} unless {@code chain[0]} is an end-entity certificate signed by
     * {@code ca}, valid at {@code now}, with extended key usage {@code usage}.
     */
    public static X509Certificate leaf(X509Certificate[] chain, X509Certificate ca, Instant now, String usage)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate presented");
        }
        X509Certificate leaf = chain[0];
        try {
            leaf.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("not issued by the Waymark device CA " + ca.getSubjectX500Principal());
        }
        if (!leaf.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new CertificateException("issuer does not name the Waymark device CA");
        }
        leaf.checkValidity(Date.from(now));
        if (leaf.getBasicConstraints() != -1) {
            throw new CertificateException("a CA certificate cannot identify a device or service");
        }
        if (!DeviceNames.hasUsage(leaf, usage)) {
            throw new CertificateException("lacks extended key usage "
                    + (DeviceNames.CLIENT_AUTH.equals(usage) ? "clientAuth" : "serverAuth"));
        }
        return leaf;
    }
}
