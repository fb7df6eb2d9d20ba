package dev.waymark.hub.support;

import dev.waymark.protocol.Topics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the cloud stand-in received from one device, deduplicated by sequence, in first-arrival order. */
public final class CloudView {

    private CloudView() {
    }

    public static List<Long> firstArrivals(Kiosk cloud, String deviceId) {
        String topic = Topics.events(TestPki.STORE, deviceId);
        Set<Long> seen = new LinkedHashSet<>();
        for (Kiosk.Received received : new ArrayList<>(cloud.received())) {
            if (received.topic().equals(topic)) {
                seen.addAll(Events.sequences(received.payload()));
            }
        }
        return List.copyOf(seen);
    }
}
