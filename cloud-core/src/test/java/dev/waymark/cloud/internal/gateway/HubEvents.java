package dev.waymark.cloud.internal.gateway;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.ScreenView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Valid events as a hub forwards them for its kiosks. */
final class HubEvents {

    static final EventCodec CODEC = EventCodec.create();
    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), RandomGenerator.getDefault());

    private HubEvents() {
    }

    /** {@code count} screen views of {@code device}, sequences from {@code firstSequence}. */
    static List<CloudEvent> events(String store, String device, long firstSequence, int count) {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(CloudEvent.of(IDS.next(), Source.device(store, device), Instant.now(), firstSequence + i,
                    new ScreenView("s-1", "home")));
        }
        return events;
    }

    /** One event of {@code device}, encoded. */
    static byte[] single(String store, String device, long sequence) {
        return CODEC.encode(events(store, device, sequence, 1).get(0));
    }
}
