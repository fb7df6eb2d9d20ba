package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.testing.MovableClock;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.CartRemove;
import dev.waymark.protocol.event.ConsentState;
import dev.waymark.protocol.event.ConsentUpdate;
import dev.waymark.protocol.event.HubReport;
import dev.waymark.protocol.event.ServiceRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventPipelineTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;
    MovableClock clock = new MovableClock(T0);
    UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
    PipelineRig rig;

    @BeforeEach
    void setUp() throws Exception {
        rig = new PipelineRig(dir, clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    @Test
    void process_sameEventAgain_isDroppedAsDuplicateAndAppliedOnce() throws Exception {
        CloudEvent add = kiosk("k1", 1, new CartAdd("s-1", "SKU-1", "shoes", 1, 2_000, "EUR"));

        rig.process(List.of(add, add));
        rig.process(List.of(add));

        assertThat(rig.count("SELECT COUNT(*) FROM seen_events")).isEqualTo(1);
        assertThat(rig.meters.counter("wm.pipeline.duplicates").count()).isEqualTo(2);
        assertThat(journeyOf("s1/k1/s-1")).contains("\"cart\":[[\"SKU-1\",\"shoes\",1,2000]]");
    }

    @Test
    void process_aDevicesEventsOutOfOrderInOneBatch_appliesThemInSequenceOrder() throws Exception {
        CloudEvent first = kiosk("k1", 1, new CartAdd("s-2", "SKU-A", "shoes", 1, 2_000, "EUR"));
        CloudEvent second = kiosk("k1", 2, new CartAdd("s-2", "SKU-B", "shoes", 1, 3_000, "EUR"));
        CloudEvent third = kiosk("k1", 3, new CartRemove("s-2", "SKU-A", "shoes", 1, 2_000, "EUR"));

        rig.process(List.of(third, first, second));

        assertThat(journeyOf("s1/k1/s-2")).contains("SKU-B").doesNotContain("SKU-A");
    }

    @Test
    void process_serviceRequest_decidesHelpAndDeliversItToThatKiosk() throws Exception {
        rig.process(List.of(kiosk("k7", 1, new ServiceRequest("s-3", "fitting", Optional.empty()))));

        assertThat(rig.count("SELECT COUNT(*) FROM decisions")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !rig.devices.actions.isEmpty());
        assertThat(rig.devices.actions.get(0)).startsWith("s1/k7/fitting-help/");
    }

    @Test
    void process_unreadableEntry_isSkippedAndCountedAndTheRestOfTheBatchApplied() throws Exception {
        CloudEvent add = kiosk("k1", 1, new CartAdd("s-4", "SKU-1", "shoes", 1, 2_000, "EUR"));
        EventLog.Entry garbage = new EventLog.Entry("wm:/s/s1/d/k1", "{\"not\":\"an event\"".getBytes(
                StandardCharsets.UTF_8));

        rig.processRaw(List.of(garbage, new EventLog.Entry(add.source(), dev.waymark.protocol.EventCodec.create()
                .encode(add))));

        assertThat(rig.meters.counter("wm.pipeline.unreadable").count()).isEqualTo(1);
        assertThat(rig.count("SELECT COUNT(*) FROM seen_events")).isEqualTo(1);
    }

    @Test
    void process_hubReport_feedsTheStoreOverview_andAFirstSeenStoreGetsTheCurrentBundle() throws Exception {
        rig.underTest.onNewStore(rig.decisions::publishCurrentBundle);

        rig.process(List.of(kiosk("hub-1", 1, new HubReport(true, 12, List.of()))));

        assertThat(rig.count("SELECT COUNT(*) FROM overview_hubs WHERE store_id = 's1'")).isEqualTo(1);
        assertThat(rig.count("SELECT COUNT(*) FROM stores WHERE store_id = 's1'")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.devices.bundles.containsKey("s1"));
    }

    @Test
    void timerWheel_cartLeftBehind_firesAfterTheWindowAndDecidesTheOffer() throws Exception {
        rig.process(List.of(
                kiosk("k2", 1, new ConsentUpdate("s-5", "marketing", "kiosk", ConsentState.GRANTED,
                        Optional.empty())),
                kiosk("k2", 2, new CartAdd("s-5", "SKU-9", "shoes", 1, 6_000, "EUR"))));
        TimerWheel wheel = rig.underTest.timers();
        assertThat(wheel.fireDue().await(10, TimeUnit.SECONDS)).isZero();

        clock.advance(Duration.ofMinutes(31));
        int fired = wheel.fireDue().await(10, TimeUnit.SECONDS);

        assertThat(fired).isEqualTo(1);
        assertThat(rig.count("SELECT COUNT(*) FROM journey_timers")).isZero();
        assertThat(rig.text("SELECT chosen FROM decisions WHERE intent = 'cart_abandonment'")).hasValueSatisfying(
                chosen -> assertThat(chosen).contains("cart-rescue-10"));
    }

    private String journeyOf(String kioskSession) throws Exception {
        String profile = rig.text("SELECT profile_id FROM identities WHERE namespace = 'kiosk_session' AND value = '"
                + kioskSession + "'").orElseThrow();
        return rig.text("SELECT context FROM journeys WHERE profile_id = '" + profile + "'").orElseThrow();
    }

    private CloudEvent kiosk(String device, long sequence, Payload payload) {
        return CloudEvent.of(ids.next(), Source.device("s1", device), clock.instant(), sequence, payload);
    }
}
