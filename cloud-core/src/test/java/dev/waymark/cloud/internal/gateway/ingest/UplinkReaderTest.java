package dev.waymark.cloud.internal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.EventLog;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.ScreenView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UplinkReaderTest {

    private static final String TOPIC = "wm/v1/s/s1/d/k1/events";
    private static final EventCodec CODEC = EventCodec.create();
    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), RandomGenerator.getDefault());

    private final UplinkReader underTest = new UplinkReader();

    @Test
    void read_singleEvent_isOneEntryKeyedBySourceWithTheOriginalBytes() {
        byte[] payload = CODEC.encode(event("s1", "k1", 0));

        UplinkReader.Verdict verdict = underTest.read(TOPIC, payload);

        assertThat(verdict.refusal()).isEmpty();
        assertThat(verdict.entries()).hasSize(1);
        assertThat(verdict.entries().get(0).key()).isEqualTo("wm:/s/s1/d/k1");
        assertThat(verdict.entries().get(0).value()).isEqualTo(payload);
    }

    @Test
    void read_batch_isOneEntryPerEventInOrder() {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event("s1", "k1", i));
        }

        UplinkReader.Verdict verdict = underTest.read(TOPIC, ("\n " + new String(CODEC.encodeBatch(events),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        assertThat(verdict.entries()).extracting(EventLog.Entry::value)
                .containsExactly(CODEC.encode(events.get(0)), CODEC.encode(events.get(1)), CODEC.encode(events.get(2)));
    }

    @Test
    void read_eventOfAnotherDeviceInABatch_isRefusedNamingItsIndex() {
        byte[] batch = CODEC.encodeBatch(List.of(event("s1", "k1", 0), event("s1", "k9", 1)));

        UplinkReader.Verdict verdict = underTest.read(TOPIC, batch);

        assertThat(verdict.entries()).isEmpty();
        assertThat(verdict.refusal().orElseThrow().reason()).isEqualTo("source");
        assertThat(verdict.refusal().orElseThrow().rejection().field()).isEqualTo("[1].source");
    }

    @Test
    void read_eventOfAnotherStore_isRefused() {
        assertThat(underTest.read(TOPIC, CODEC.encode(event("s2", "k1", 0))).refusal().orElseThrow().reason())
                .isEqualTo("source");
    }

    @Test
    void read_badTopics_areRefusedAsTopic() {
        byte[] payload = CODEC.encode(event("s1", "k1", 0));
        for (String topic : new String[] {"wm/v1/s/s1/d/k1/actions", "wm/v1/s/s1/bundle", "other/topic",
            "wm/v1/s/s 1/d/k1/events", "wm/v1/s/s1/d/k1/events/extra"}) {
            assertThat(underTest.read(topic, payload).refusal().orElseThrow().reason()).as(topic).isEqualTo("topic");
        }
    }

    @Test
    void read_malformedHostileOrEmptyPayloads_areRefusedAsInvalid() {
        for (String payload : new String[] {"", "   ", "{", "[", "null", "[1,2]", "{\"id\":\"x\"}",
            "[".repeat(10_000), "{\"a\":".repeat(5000), "\u0000\u0001"}) {
            UplinkReader.Verdict verdict = underTest.read(TOPIC, payload.getBytes(StandardCharsets.UTF_8));
            assertThat(verdict.refusal()).as(payload.length() > 20 ? payload.substring(0, 20) : payload).isPresent();
            assertThat(verdict.entries()).isEmpty();
        }
    }

    @Test
    void read_oversizePayloads_areRefusedAsOversize() {
        byte[] single = new byte[Limits.MAX_EVENT_BYTES + 1];
        Arrays.fill(single, (byte) ' ');
        single[single.length - 1] = '{';
        byte[] batch = new byte[Limits.MAX_BATCH_BYTES + 1];
        Arrays.fill(batch, (byte) ' ');
        batch[0] = '[';

        assertThat(underTest.read(TOPIC, single).refusal().orElseThrow().reason()).isEqualTo("oversize");
        assertThat(underTest.read(TOPIC, batch).refusal().orElseThrow().reason()).isEqualTo("oversize");
    }

    private static CloudEvent event(String store, String device, long sequence) {
        return CloudEvent.of(IDS.next(), Source.device(store, device), Instant.now(), sequence,
                new ScreenView("s-1", "home"));
    }
}
