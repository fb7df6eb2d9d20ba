package dev.waymark.journey;

import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.event.ProductView;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private final JourneyEngine underTest = JourneyEngine.defaults();
    private final Events kiosk = new Events("kiosk-1", "s-1");

    @Test
    void duplicateDeviceEvent_isIgnored() {
        CloudEvent add = kiosk.cartAdd(minutes(1), "a", "shoes");
        Step once = underTest.onEvent(JourneyContext.empty("p-1"), add);

        Step twice = underTest.onEvent(once.state(), add);

        assertThat(twice.state()).isEqualTo(once.state());
        assertThat(twice.intents()).isEmpty();
        assertThat(twice.timers()).isEmpty();
    }

    @Test
    void olderSequenceFromSameDevice_isIgnoredEvenWithNewId() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.at(5, minutes(5), view("a")));
        JourneyContext before = run.state;

        Step stale = run.apply(kiosk.at(4, minutes(6), view("b")));

        assertThat(stale.state()).isEqualTo(before);
    }

    @Test
    void sequencesAreTrackedPerDevice() {
        Events other = new Events("kiosk-2", "s-9");
        Run run = new Run(underTest, "p-1").applyAll(kiosk.at(5, minutes(1), view("a")));

        run.apply(other.at(1, minutes(2), view("b")));

        assertThat(run.state.recent()).hasSize(2);
        assertThat(run.state.sources()).extracting(SourcePosition::sequence).containsExactly(5L, 1L);
    }

    @Test
    void duplicateWebEventId_isIgnored() {
        CloudEvent viewed = Events.webTrack("msg-1", minutes(0), "Product Viewed", Json.createObjectBuilder()
                .add("product_id", "a").add("category", "shoes").add("price", 19.99).build());
        Run run = new Run(underTest, "p-1").applyAll(viewed);
        JourneyContext before = run.state;

        assertThat(run.apply(viewed).state()).isEqualTo(before);
        assertThat(before.facts().get("viewsByCategory")).isEqualTo(Map.of("shoes", 1L));
    }

    @Test
    void unmappedEvent_advancesTimeAndSequenceOnly() {
        Run run = new Run(underTest, "p-1");

        run.apply(Events.webTrack("msg-2", minutes(3), "Newsletter Opened", Json.createObjectBuilder().build()));

        assertThat(run.state.recent()).isEmpty();
        assertThat(run.state.asOf()).isEqualTo(minutes(3));
        assertThat(run.state.webEventIds()).hasSize(1);
    }

    private static ProductView view(String sku) {
        return new ProductView("s-1", sku, "shoes", 1999, "EUR");
    }
}
