package dev.waymark.cloud.internal.gateway.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The gateway broker's one extension: it only wires the {@link GatewayAuthenticator}. */
final class GatewayExtension implements ExtensionMain {

    private static final Logger LOG = Logger.getLogger(GatewayExtension.class.getName());

    private final GatewayAuthenticator authenticator;

    GatewayExtension(GatewayAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        try {
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the gateway extension could not start", e);
            output.preventExtensionStartup("gateway extension failed: " + e.getMessage());
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release: the authenticator holds no resources
    }
}
