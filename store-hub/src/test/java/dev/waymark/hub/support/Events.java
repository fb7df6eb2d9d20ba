package dev.waymark.hub.support;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.DeviceState;
import dev.waymark.protocol.event.DeviceStatus;
import dev.waymark.protocol.event.ScreenView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Valid event batches as a kiosk sends them. */
public final class Events {

    private static final EventCodec CODEC = EventCodec.create();
    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), RandomGenerator.getDefault());

    private Events() {
    }

    /** A batch of {@code count} screen views from {@code device}, sequences from {@code firstSequence}. */
    public static byte[] batch(String store, String device, long firstSequence, int count) {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(CloudEvent.of(IDS.next(), Source.device(store, device), Instant.now(), firstSequence + i,
                    screenView()));
        }
        return CODEC.encodeBatch(events);
    }

    /** A status heartbeat with the device's clock. */
    public static byte[] status(String store, String device, Instant deviceTime) {
        return CODEC.encode(CloudEvent.of(IDS.next(), Source.device(store, device), deviceTime, 0,
                new DeviceStatus(DeviceState.ONLINE, "test/1", 0, deviceTime)));
    }

    /** The sequences of the events in a batch payload. */
    public static List<Long> sequences(byte[] payload) {
        return CODEC.decodeBatch(payload).orElseThrow().stream().map(CloudEvent::sequence).toList();
    }

    private static ScreenView screenView() {
        return new ScreenView("s-1", "home");
    }
}
