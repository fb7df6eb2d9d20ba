package dev.waymark.cloud.internal.gateway;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceCa;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** A device CA with hub and kiosk identities as enrollment would issue them, and TLS for Paho clients. */
final class GatewayPki {

    private static final char[] PASSWORD = "gateway-test-password".toCharArray();

    private final DeviceCa ca = DeviceCa.generate("Waymark gateway test CA", Clock.systemUTC());

    DeviceCa ca() {
        return ca;
    }

    /** A hub certificate of {@code store}. */
    Identity hub(String store, String hubId) {
        return identity(ca, store, hubId, DeviceRole.HUB);
    }

    /** A kiosk certificate of {@code store}: valid, but not a hub. */
    Identity kiosk(String store, String kioskId) {
        return identity(ca, store, kioskId, DeviceRole.KIOSK);
    }

    /** TLS trusting the CA and showing {@code identity}, or no certificate when null. */
    SSLSocketFactory tls(Identity identity) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = null;
        if (identity != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("me", identity.keys().getPrivate(), PASSWORD,
                    new Certificate[] {identity.certificate(), ca.certificate()});
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD);
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                null);
        return context.getSocketFactory();
    }

    private static Identity identity(DeviceCa issuer, String store, String deviceId, DeviceRole role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            return new Identity(deviceId, keys, issuer.issueClient(keys.getPublic(), store, deviceId, role,
                    Duration.ofDays(1)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A device's key and certificate. */
    record Identity(String deviceId, KeyPair keys, X509Certificate certificate) {
    }
}
