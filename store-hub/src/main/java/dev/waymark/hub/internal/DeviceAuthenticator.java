package dev.waymark.hub.internal;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.client.parameter.Listener;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import dev.waymark.protocol.Topics;
import dev.waymark.provisioning.DeviceCa;
import dev.waymark.provisioning.DeviceTrust;
import java.lang.System.Logger.Level;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Lets a client in only with a device certificate of this store: it must pass {@link DeviceTrust} (issued by our
 * CA, clientAuth, valid, not on the current CRL), name a device of this store, not be revoked since, and the MQTT
 * client id must equal the certificate's device id. The client then gets {@link DevicePermissions} with default
 * behaviour DENY. On the development listener (dev mode only) the client id alone names the device.
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

    private static final System.Logger LOG = System.getLogger(DeviceAuthenticator.class.getName());

    private final String storeId;
    private final DeviceTrust trust;
    private final RevokedDevices revoked;
    private final int devPort;
    private final HubCounters counters;
    private final DeviceLifecycle lifecycle;

    DeviceAuthenticator(String storeId, DeviceTrust trust, RevokedDevices revoked, int devPort,
                        HubCounters counters, DeviceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.storeId = storeId;
        this.trust = trust;
        this.revoked = revoked;
        this.devPort = devPort;
        this.counters = counters;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        // A throw here would leave the client hanging in the broker, so every failure ends in an explicit refusal.
        try {
            String clientId = input.getConnectPacket().getClientId();
            Optional<DeviceIdentity> device = onDevListener(input)
                    ? devIdentity(clientId)
                    : identify(input.getConnectionInformation().getClientTlsInformation(), clientId);
            if (device.isEmpty()) {
                counters.refusedConnects.incrementAndGet();
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "not a device of store " + storeId);
                return;
            }
            output.getDefaultPermissions().clear();
            output.getDefaultPermissions().addAll(DevicePermissions.of(device.get()));
            output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
            lifecycle.rememberWill(device.get().deviceId(), input.getConnectPacket().getWillPublish());
            output.authenticateSuccessfully();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "authentication failed unexpectedly; refusing the client", e);
            counters.refusedConnects.incrementAndGet();
            output.failAuthentication(ConnackReasonCode.UNSPECIFIED_ERROR, "hub error");
        }
    }

    private boolean onDevListener(SimpleAuthInput input) {
        return devPort > 0 && input.getConnectionInformation().getListener().map(Listener::getPort)
                .filter(port -> port == devPort).isPresent();
    }

    private Optional<DeviceIdentity> devIdentity(String clientId) {
        try {
            return Optional.of(new DeviceIdentity(storeId, Topics.requireSegment("client id", clientId)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<DeviceIdentity> identify(Optional<ClientTlsInformation> tls, String clientId) {
        Optional<X509Certificate[]> chain = tls.flatMap(ClientTlsInformation::getClientCertificateChain)
                .or(() -> tls.flatMap(ClientTlsInformation::getClientCertificate)
                        .map(leaf -> new X509Certificate[] {leaf}));
        if (chain.isEmpty() || chain.get().length == 0) {
            LOG.log(Level.INFO, "refused " + clientId + ": no client certificate");
            return Optional.empty();
        }
        try {
            trust.checkClientTrusted(chain.get(), "UNKNOWN");
        } catch (CertificateException e) {
            LOG.log(Level.INFO, "refused " + clientId + ": " + e.getMessage());
            return Optional.empty();
        }
        Optional<DeviceIdentity> device = DeviceIdentity.of(chain.get()[0]);
        String reason = device.isEmpty() ? "the certificate names no device"
                : !device.get().storeId().equals(storeId) ? "the certificate is for store " + device.get().storeId()
                : !device.get().deviceId().equals(clientId) ? "client id differs from the certificate's device id"
                : revoked.contains(DeviceCa.serialOf(chain.get()[0])) ? "the certificate is revoked"
                : "";
        if (!reason.isEmpty()) {
            LOG.log(Level.INFO, "refused " + clientId + ": " + reason);
            return Optional.empty();
        }
        return device;
    }
}
