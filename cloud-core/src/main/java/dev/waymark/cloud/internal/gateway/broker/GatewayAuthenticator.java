package dev.waymark.cloud.internal.gateway.broker;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.Listener;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import dev.waymark.provisioning.DeviceTrust;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Admits two kinds of client. On the loopback listener: cloud-core's own clients, by the user name
 * {@value #CLOUD_USER} and the password generated for this start; they may do everything. On the TLS listener:
 * store hubs only, with a certificate that passes {@link DeviceTrust} (our CA, clientAuth, valid, not on the CRL),
 * names the role hub, is not revoked, and whose device id equals the MQTT client id; a hub gets
 * {@link HubPermissions} with default behaviour DENY.
 */
final class GatewayAuthenticator implements SimpleAuthenticator {

    /** The user name of cloud-core's own clients on the loopback listener. */
    static final String CLOUD_USER = "cloud-core";
    private static final Logger LOG = Logger.getLogger(GatewayAuthenticator.class.getName());

    private final DeviceTrust trust;
    private final Predicate<X509Certificate> revoked;
    private final int loopbackPort;
    private final byte[] cloudPassword;

    GatewayAuthenticator(DeviceTrust trust, Predicate<X509Certificate> revoked, int loopbackPort,
                         byte[] cloudPassword) {
        this.trust = trust;
        this.revoked = revoked;
        this.loopbackPort = loopbackPort;
        this.cloudPassword = cloudPassword.clone();
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        // A throw here would leave the client hanging in the broker, so every failure ends in an explicit refusal.
        try {
            String clientId = input.getConnectPacket().getClientId();
            if (onLoopback(input)) {
                admitCloud(input, output, clientId);
                return;
            }
            Optional<X509Certificate[]> chain = chain(input.getConnectionInformation().getClientTlsInformation());
            String refusal = chain.map(c -> checkHub(c, clientId)).orElse("no client certificate");
            if (!refusal.isEmpty()) {
                LOG.info("refused client " + clientId + ": " + refusal);
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "not a store hub of this deployment");
                return;
            }
            HubIdentity hub = HubIdentity.of(chain.get()[0]).orElseThrow();
            output.getDefaultPermissions().clear();
            output.getDefaultPermissions().addAll(HubPermissions.of(hub));
            output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
            output.authenticateSuccessfully();
        } catch (RuntimeException e) {
            LOG.warning("authentication failed unexpectedly; refusing the client: " + e);
            output.failAuthentication(ConnackReasonCode.UNSPECIFIED_ERROR, "gateway error");
        }
    }

    private boolean onLoopback(SimpleAuthInput input) {
        return input.getConnectionInformation().getListener().map(Listener::getPort)
                .filter(port -> port == loopbackPort).isPresent();
    }

    private void admitCloud(SimpleAuthInput input, SimpleAuthOutput output, String clientId) {
        boolean user = input.getConnectPacket().getUserName().filter(CLOUD_USER::equals).isPresent();
        byte[] given = input.getConnectPacket().getPassword().map(GatewayAuthenticator::bytes).orElse(new byte[0]);
        if (!user || !MessageDigest.isEqual(given, cloudPassword)) {
            LOG.info("refused client " + clientId + " on the loopback listener: wrong user name or password");
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong user name or password");
            return;
        }
        output.getDefaultPermissions().clear();
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.ALLOW);
        output.authenticateSuccessfully();
    }

    private String checkHub(X509Certificate[] chain, String clientId) {
        try {
            trust.checkClientTrusted(chain, "UNKNOWN");
        } catch (CertificateException e) {
            return e.getMessage();
        }
        Optional<HubIdentity> hub = HubIdentity.of(chain[0]);
        return hub.isEmpty() ? "the certificate names no store hub"
                : !hub.get().hubId().equals(clientId) ? "client id differs from the certificate's device id"
                : revoked.test(chain[0]) ? "the certificate is revoked"
                : "";
    }

    private static Optional<X509Certificate[]> chain(Optional<ClientTlsInformation> tls) {
        return tls.flatMap(ClientTlsInformation::getClientCertificateChain)
                .or(() -> tls.flatMap(ClientTlsInformation::getClientCertificate)
                        .map(leaf -> new X509Certificate[] {leaf}))
                .filter(chain -> chain.length > 0);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
