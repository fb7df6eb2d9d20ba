package dev.waymark.hub.internal;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationFailedInput;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import dev.waymark.protocol.Topics;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presence from the broker's client lifecycle, and the upstream half of a kiosk's last will: the broker publishes
 * the will ("offline" status) only locally, so when a device's connection is lost the hub also stores that will in
 * its outbox for the cloud.
 */
final class DeviceLifecycle implements ClientLifecycleEventListener {

    private static final System.Logger LOG = System.getLogger(DeviceLifecycle.class.getName());

    private record Will(String topic, byte[] payload) {
    }

    private final String storeId;
    private final Presence presence;
    private final HubOutbox outbox;
    private final Map<String, Will> wills = new ConcurrentHashMap<>();

    DeviceLifecycle(String storeId, Presence presence, HubOutbox outbox) {
        this.storeId = storeId;
        this.presence = presence;
        this.outbox = outbox;
    }

    /** Remembers an authenticated device's last will, if it is on the device's own status topic. */
    void rememberWill(String deviceId, Optional<WillPublishPacket> will) {
        will.filter(w -> w.getTopic().equals(Topics.status(storeId, deviceId))).ifPresentOrElse(
                w -> wills.put(deviceId, new Will(w.getTopic(), bytes(w.getPayload()))),
                () -> wills.remove(deviceId));
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        // presence starts only once the device is authenticated
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        presence.connected(input.getClientInformation().getClientId());
    }

    @Override
    public void onAuthenticationFailedDisconnect(AuthenticationFailedInput input) {
        // a refused client was never present; it must not mark the real device offline
    }

    @Override
    public void onConnectionLost(ConnectionLostInput input) {
        forwardWill(input.getClientInformation().getClientId());
    }

    @Override
    public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
        // a revoked or misbehaving device: the broker publishes its will locally; the cloud gets it too
        forwardWill(input.getClientInformation().getClientId());
    }

    private void forwardWill(String deviceId) {
        Will will = wills.remove(deviceId);
        if (will != null) {
            outbox.append(will.topic(), will.payload(), true, deviceId).exceptionally(failure -> {
                LOG.log(Level.WARNING, "could not store the last will of " + deviceId + ": " + failure);
                return null;
            });
        }
        presence.disconnected(deviceId);
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        String deviceId = input.getClientInformation().getClientId();
        wills.remove(deviceId);
        presence.disconnected(deviceId);
    }

    private static byte[] bytes(Optional<ByteBuffer> buffer) {
        if (buffer.isEmpty()) {
            return new byte[0];
        }
        ByteBuffer copy = buffer.get().asReadOnlyBuffer();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
