package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequenceOrderTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), new SecureRandom());

    private static CloudEvent kiosk(long sequence) {
        return CloudEvent.of(IDS.next(), Source.device("store-1", "kiosk-1"), AT, sequence,
                new SessionStart("s1", "en"));
    }

    private static CloudEvent web(String id) {
        Payload track = new WebTrack(Optional.of("anon-1"), Optional.empty(), "Product Viewed",
                JsonObject.EMPTY_JSON_OBJECT, JsonObject.EMPTY_JSON_OBJECT);
        return CloudEvent.of(id, Source.web("wk_shop"), AT, 0, track);
    }

    @Test
    void apply_aDevicesEventsOutOfSequenceBetweenWebEvents_sortsTheDeviceInItsOwnSlotsAndKeepsTheInterleaving() {
        CloudEvent k1 = kiosk(1);
        CloudEvent k2 = kiosk(2);
        CloudEvent k3 = kiosk(3);
        CloudEvent w1 = web("w1");
        CloudEvent w2 = web("w2");

        List<CloudEvent> underTest = SequenceOrder.apply(List.of(k3, w1, k1, w2, k2), event -> event);

        assertThat(underTest).containsExactly(k1, w1, k2, w2, k3);
    }

    @Test
    void apply_webEventsAllOfSequenceZero_keepsTheirLogOrder() {
        List<CloudEvent> batch = List.of(web("w2"), web("w1"), web("w3"));

        assertThat(SequenceOrder.apply(batch, event -> event)).containsExactlyElementsOf(batch);
    }
}
