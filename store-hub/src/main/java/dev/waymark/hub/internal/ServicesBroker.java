package dev.waymark.hub.internal;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.builder.PublishBuilder;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@link LocalBroker} through the extension SDK's static {@code Services}: valid only while this JVM's one embedded
 * broker with our extension runs (DESIGN.md section 12).
 */
final class ServicesBroker implements LocalBroker {

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained,
                                           OptionalLong expirySeconds) {
        PublishBuilder builder = Builders.publish().topic(topic).qos(Qos.AT_LEAST_ONCE).retain(retained)
                .payload(ByteBuffer.wrap(payload));
        expirySeconds.ifPresent(builder::messageExpiryInterval);
        return Services.publishService().publish(builder.build());
    }

    @Override
    public CompletableFuture<Boolean> disconnect(String clientId) {
        return Services.clientService().disconnectClient(clientId, true, DisconnectReasonCode.NOT_AUTHORIZED,
                "device revoked");
    }
}
