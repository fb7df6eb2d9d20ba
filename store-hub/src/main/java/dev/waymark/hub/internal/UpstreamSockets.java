package dev.waymark.hub.internal;

import dev.waymark.provisioning.DeviceTrust;
import dev.waymark.provisioning.NoDelaySockets;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Socket factories for the upstream link, with TCP_NODELAY ({@link NoDelaySockets}); over TLS they show the hub's
 * client certificate and pin the upstream's CA.
 */
final class UpstreamSockets {

    private UpstreamSockets() {
    }

    /** Plain TCP for {@code tcp://}. */
    static SocketFactory plain() {
        return NoDelaySockets.plain();
    }

    /** TLS with the hub's client identity, trusting only a server chaining to the CA with {@code fingerprint}. */
    static SocketFactory tls(HubKeys keys, String fingerprint, Clock clock) throws IOException {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys.clientKeyStore(), keys.password());
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers.getKeyManagers(),
                    new TrustManager[] {DeviceTrust.forServers(fingerprint, clock)}, null);
            return NoDelaySockets.tls(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS to the upstream: " + e.getMessage(), e);
        }
    }
}
