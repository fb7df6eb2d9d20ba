package dev.waymark.cloud.internal.decision.outbox;

import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.action.Action;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;

/** Sends {@link OutboxMessage#DEVICE} messages, protocol actions for {@code store/device}, through the gateway. */
final class DeviceConnector implements Connector {

    private static final ContractCodec CODEC = ContractCodec.create();

    private final DeviceChannel devices;

    DeviceConnector(DeviceChannel devices) {
        this.devices = devices;
    }

    @Override
    public Future<Void> send(OutboxMessage message) {
        int slash = message.destination().indexOf('/');
        Decoded<Action> action = CODEC.decode(message.payload().getBytes(StandardCharsets.UTF_8), Action.class);
        if (slash < 1 || !action.isAccepted()) {
            return Future.failedFuture(DeliveryFailure.permanent("undeliverable device message"));
        }
        return devices.sendAction(message.destination().substring(0, slash),
                message.destination().substring(slash + 1), action.orElseThrow());
    }
}
