package dev.waymark.edge.internal;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.DeviceState;
import dev.waymark.protocol.event.DeviceStatus;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The retained {@code wm.device.status} events on the status topic: heartbeats carrying the device clock (so the hub
 * can measure skew) and the buffer depth, {@code degraded} while the outbox is over its quota, and the last will
 * {@code offline}. Status events are not in the outbox and carry sequence 0: they describe the device, they are not
 * part of its event stream.
 */
final class StatusMessages {

    static final String SOFTWARE_VERSION = "edge-runtime/0.1.0";

    private final EventCodec codec;
    private final Source source;
    private final Clock clock;
    private final UlidGenerator ids;
    private final LongSupplier bufferDepth;
    private final BooleanSupplier degraded;

    StatusMessages(EventCodec codec, Source source, Clock clock, UlidGenerator ids, LongSupplier bufferDepth,
                   BooleanSupplier degraded) {
        this.codec = codec;
        this.source = source;
        this.clock = clock;
        this.ids = ids;
        this.bufferDepth = bufferDepth;
        this.degraded = degraded;
    }

    MqttMessage current() {
        return message(degraded.getAsBoolean() ? DeviceState.DEGRADED : DeviceState.ONLINE);
    }

    MqttMessage lastWill() {
        return message(DeviceState.OFFLINE);
    }

    private MqttMessage message(DeviceState state) {
        DeviceStatus status = new DeviceStatus(state, SOFTWARE_VERSION, bufferDepth.getAsLong(), clock.instant());
        MqttMessage message = new MqttMessage(codec.encode(CloudEvent.of(ids.next(), source, clock.instant(), 0,
                status)));
        message.setQos(1);
        message.setRetained(true);
        return message;
    }
}
