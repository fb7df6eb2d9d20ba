package dev.waymark.hub.internal;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.DeviceState;
import dev.waymark.protocol.event.DeviceStatus;
import dev.waymark.protocol.event.HubDevice;
import dev.waymark.protocol.event.HubReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The hub's own retained {@code wm.device.status} on {@code wm/v1/s/{store}/d/{hub}/status}: its clock, its
 * outbox depth, {@code degraded} from 90% of the outbox quota, and the last will {@code offline}; and its
 * {@code wm.hub.report} on {@code wm/v1/s/{store}/d/{hub}/events}: presence, last seen and skew of every device.
 */
final class HubStatusMessages {

    static final String SOFTWARE_VERSION = "store-hub/0.1.0";

    private final Source source;
    private final String topic;
    private final String reportTopic;
    private final Presence presence;
    private final Clock clock;
    private final HubOutbox outbox;
    private final long quota;
    private final EventCodec codec = EventCodec.create();
    private final UlidGenerator ids;

    HubStatusMessages(String storeId, String hubId, Clock clock, HubOutbox outbox, long quota, Presence presence) {
        this.source = Source.device(storeId, hubId);
        this.topic = Topics.status(storeId, hubId);
        this.reportTopic = Topics.events(storeId, hubId);
        this.presence = presence;
        this.clock = clock;
        this.outbox = outbox;
        this.quota = quota;
        this.ids = new UlidGenerator(clock, RandomGenerator.getDefault());
    }

    String topic() {
        return topic;
    }

    byte[] current() {
        long depth = outbox.depth();
        return message(depth * 10 >= quota * 9 ? DeviceState.DEGRADED : DeviceState.ONLINE, depth);
    }

    String reportTopic() {
        return reportTopic;
    }

    /** The report as a batch of one, the shape every {@code events} topic carries. */
    byte[] report(boolean linkUp) {
        List<HubDevice> devices = presence.snapshot().stream()
                .map(device -> new HubDevice(device.deviceId(), device.online(), device.lastSeen(),
                        device.skew().map(Duration::toMillis)))
                .toList();
        return codec.encodeBatch(List.of(CloudEvent.of(ids.next(), source, clock.instant(), 0,
                new HubReport(linkUp, outbox.depth(), devices))));
    }

    byte[] lastWill() {
        return message(DeviceState.OFFLINE, outbox.depth());
    }

    private byte[] message(DeviceState state, long depth) {
        Instant now = clock.instant();
        return codec.encode(CloudEvent.of(ids.next(), source, now, 0,
                new DeviceStatus(state, SOFTWARE_VERSION, depth, now)));
    }
}
