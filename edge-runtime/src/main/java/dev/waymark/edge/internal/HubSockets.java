package dev.waymark.edge.internal;

import dev.waymark.edge.EdgeIdentity;
import dev.waymark.protocol.device.DeviceConfig;
import dev.waymark.provisioning.NoDelaySockets;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The socket factory for the hub connection: mutual TLS with the enrolled key for {@code ssl://}, plaintext
 * {@code tcp://} only in dev mode. Either way TCP_NODELAY is on.
 */
final class HubSockets {

    private HubSockets() {
    }

    /** Throws IllegalArgumentException naming {@code hubAddress} for a plaintext hub outside dev mode. */
    static SocketFactory forHub(EdgeIdentity identity, boolean dev) {
        DeviceConfig config = identity.config();
        String address = config.hubAddress();
        if (address.startsWith("tcp://")) {
            if (!dev) {
                throw new IllegalArgumentException("hubAddress: " + address
                        + " is plaintext; only ssl:// is allowed outside --dev");
            }
            return NoDelaySockets.plain();
        }
        if (!address.startsWith("ssl://")) {
            throw new IllegalArgumentException("hubAddress: must start with ssl:// (or tcp:// with --dev)");
        }
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity.keystore(), identity.password());
            HubTrustManager trust = HubTrustManager.of(config.trustAnchorsPem(), config.caFingerprint(),
                    config.storeId());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
            return NoDelaySockets.tls(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keystore: cannot use the device key for TLS: " + e.getMessage(), e);
        }
    }
}
