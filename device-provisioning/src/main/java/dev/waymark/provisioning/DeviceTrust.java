package dev.waymark.provisioning;

import dev.waymark.provisioning.internal.ChainCheck;
import dev.waymark.provisioning.internal.DeviceNames;
import dev.waymark.provisioning.internal.Pem;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.X509TrustManager;

/**
 * Trust decisions for TLS with our device CA. A hub or service uses {@link #forDevices} to accept only device
 * certificates that chain to the CA, carry clientAuth and are not on the current revocation list; a device uses
 * {@link #forServers} to accept only servers that chain to the CA whose fingerprint its token carried. Thread-safe.
 */
public final class DeviceTrust implements X509TrustManager {

    private final X509Certificate ca;
    private final Clock clock;
    private final AtomicReference<Optional<X509CRL>> crl = new AtomicReference<>(Optional.empty());
    private final boolean clients;

    private DeviceTrust(X509Certificate ca, Clock clock, boolean clients) {
        this.ca = ca;
        this.clock = clock;
        this.clients = clients;
    }

    /** Accepts device client certificates issued by {@code ca}; no revocation list until {@link #update}. */
    public static DeviceTrust forDevices(X509Certificate ca, Clock clock) {
        return new DeviceTrust(Objects.requireNonNull(ca, "ca"), clock, true);
    }

    /**
     * Accepts server certificates (serverAuth) issued by the CA in the presented chain whose SHA-256 fingerprint
     * is {@code caFingerprint}. Throws IllegalArgumentException when the fingerprint is not 64 hex digits.
     */
    public static X509TrustManager forServers(String caFingerprint, Clock clock) {
        if (!caFingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("caFingerprint: must be 64 lower-case hex digits");
        }
        return new PinnedServerTrust(caFingerprint, clock);
    }

    /**
     * What a kiosk uses for its hub: {@link #forServers} plus the hub certificate must name {@code storeId}
     * (SAN URI {@code wm:/s/<store>/hub}), so a hub of another store is refused. IllegalArgumentException for a
     * malformed fingerprint.
     */
    public static X509TrustManager forHub(String caFingerprint, String storeId, Clock clock) {
        X509TrustManager pinned = forServers(caFingerprint, clock);
        String expected = DeviceCa.hubUri(storeId);
        return new X509TrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                pinned.checkServerTrusted(chain, authType);
                if (!DeviceNames.uris(chain[0]).contains(expected)) {
                    throw new CertificateException("the hub certificate does not name store " + storeId);
                }
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                pinned.checkClientTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return pinned.getAcceptedIssuers();
            }
        };
    }

    /**
     * Replaces the revocation list after checking it is signed by the CA; throws {@link GeneralSecurityException}
     * (and keeps the old list) when it is not. A list older than the current one (earlier thisUpdate) is ignored,
     * so a late or replayed answer cannot un-revoke a device. Handshakes after this call see the new list.
     */
    public void update(X509CRL revocationList) throws GeneralSecurityException {
        revocationList.verify(ca.getPublicKey());
        if (!revocationList.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new GeneralSecurityException("revocation list is not issued by the device CA");
        }
        crl.updateAndGet(current -> current.isPresent()
                && revocationList.getThisUpdate().before(current.get().getThisUpdate())
                ? current : Optional.of(revocationList));
    }

    /** True when the current revocation list lists this certificate. */
    public boolean isRevoked(X509Certificate certificate) {
        return crl.get().map(list -> list.isRevoked(certificate)).orElse(false);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!clients) {
            throw new CertificateException("this trust manager checks servers only");
        }
        X509Certificate leaf = ChainCheck.leaf(chain, ca, clock.instant(), DeviceNames.CLIENT_AUTH);
        if (isRevoked(leaf)) {
            throw new CertificateException("certificate " + DeviceCa.serialOf(leaf) + " of "
                    + DeviceNames.deviceId(leaf).orElse("?") + " is revoked");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks device clients only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {ca};
    }

    private static final class PinnedServerTrust implements X509TrustManager {
        private final String fingerprint;
        private final Clock clock;

        PinnedServerTrust(String fingerprint, Clock clock) {
            this.fingerprint = fingerprint;
            this.clock = clock;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            for (X509Certificate candidate : chain == null ? new X509Certificate[0] : chain) {
                if (Pem.fingerprint(candidate).equals(fingerprint)) {
                    ChainCheck.leaf(chain, candidate, clock.instant(), DeviceNames.SERVER_AUTH);
                    return;
                }
            }
            throw new CertificateException("the server does not present the CA with fingerprint " + fingerprint
                    + " from the enrollment token");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager checks servers only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
