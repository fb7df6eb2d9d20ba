package dev.waymark.hub.internal;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.lang.System.Logger.Level;

/**
 * The hub's one extension: wires the authenticator (which also sets each client's permissions), the uplink
 * interceptor (through the client initializer) and the lifecycle listener. It only wires; each piece is its own
 * class.
 */
final class HubExtension implements ExtensionMain {

    private static final System.Logger LOG = System.getLogger(HubExtension.class.getName());

    private final DeviceAuthenticator authenticator;
    private final UplinkInterceptor uplink;
    private final DeviceLifecycle lifecycle;

    HubExtension(DeviceAuthenticator authenticator, UplinkInterceptor uplink, DeviceLifecycle lifecycle) {
        this.authenticator = authenticator;
        this.uplink = uplink;
        this.lifecycle = lifecycle;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        try {
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
            Services.initializerRegistry().setClientInitializer(
                    (initializerInput, client) -> client.addPublishInboundInterceptor(uplink));
            Services.eventRegistry().setClientLifecycleEventListener(providerInput -> lifecycle);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the hub extension could not start", e);
            output.preventExtensionStartup("hub extension failed: " + e.getMessage());
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release: the hub closes its outbox and bridge after the broker stops
    }
}
