package dev.waymark.edge.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a hub only when its chain leads to the device CA enrolled with this kiosk (the anchor whose SHA-256 is the
 * DeviceConfig's {@code caFingerprint}) and its certificate names this kiosk's store: the store id is one of the
 * dot-separated labels of a DNS subject alternative name (e.g. {@code hub.store-042.local}) or of the subject CN.
 * Revocation is not checked here: hubs learn of revoked devices, kiosks trust their enrolled CA.
 */
final class HubTrustManager implements X509TrustManager {

    private final Set<TrustAnchor> anchors;
    private final X509Certificate[] issuers;
    private final String storeId;

    private HubTrustManager(List<X509Certificate> anchorCerts, String storeId) {
        this.anchors = anchorCerts.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        this.issuers = anchorCerts.toArray(new X509Certificate[0]);
        this.storeId = storeId;
    }

    /**
     * Keeps the PEM anchors whose fingerprint is {@code caFingerprint}; throws IllegalArgumentException naming
     * {@code caFingerprint} when none is, or {@code trustAnchorsPem} when one cannot be read.
     */
    static HubTrustManager of(List<String> trustAnchorsPem, String caFingerprint, String storeId) {
        List<X509Certificate> matching = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String pem : trustAnchorsPem) {
                Collection<? extends java.security.cert.Certificate> certs =
                        factory.generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes(
                                java.nio.charset.StandardCharsets.US_ASCII)));
                for (java.security.cert.Certificate cert : certs) {
                    if (fingerprint((X509Certificate) cert).equals(caFingerprint)) {
                        matching.add((X509Certificate) cert);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trustAnchorsPem: cannot read a certificate: " + e.getMessage(), e);
        }
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("caFingerprint: no certificate of trustAnchorsPem has this fingerprint");
        }
        return new HubTrustManager(matching, storeId);
    }

    static String fingerprint(X509Certificate cert) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the hub sent no certificate");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain));
            path.removeIf(c -> anchors.stream().anyMatch(a -> a.getTrustedCert().equals(c)));
            CertPath certPath = factory.generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the hub's certificate does not chain to the enrolled device CA: "
                    + e.getMessage(), e);
        }
        if (!namesStore(chain[0])) {
            throw new CertificateException("the hub's certificate does not name store " + storeId);
        }
    }

    boolean namesStore(X509Certificate cert) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> alternatives = cert.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> entry : alternatives) {
                if (Integer.valueOf(2).equals(entry.get(0))) {
                    names.add((String) entry.get(1));
                }
            }
        }
        String subject = cert.getSubjectX500Principal().getName();
        for (String part : subject.split(",")) {
            if (part.startsWith("CN=")) {
                names.add(part.substring(3));
            }
        }
        String wanted = storeId.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(name -> Arrays.asList(name.toLowerCase(Locale.ROOT).split("\\."))
                .contains(wanted));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a kiosk agent accepts no client connections over MQTT");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return issuers.clone();
    }
}
