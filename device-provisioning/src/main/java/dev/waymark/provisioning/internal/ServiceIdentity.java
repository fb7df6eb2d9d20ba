package dev.waymark.provisioning.internal;

import dev.waymark.provisioning.DeviceCa;
import io.vertx.core.net.KeyCertOptions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/**
 * The provisioning service's own TLS identity: a fresh key and a server certificate from the device CA at every
 * start, held in memory only, so devices that pinned the CA fingerprint trust it and nothing is left on disk.
 */
public final class ServiceIdentity {

    /** Long enough for any run; a restart issues a new one. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    private ServiceIdentity() {
    }

    /** Key material for an HTTPS server answering on {@code hostNames}. */
    public static KeyCertOptions issue(DeviceCa ca, List<String> hostNames) {
        KeyPair keys = Certificates.newKeyPair();
        var certificate = ca.issueServiceServer(keys.getPublic(), hostNames, VALIDITY);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("service", keys.getPrivate(), password,
                    new Certificate[] {certificate, ca.certificate()});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return KeyCertOptions.wrap(factory);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the service's TLS identity", e);
        }
    }
}
