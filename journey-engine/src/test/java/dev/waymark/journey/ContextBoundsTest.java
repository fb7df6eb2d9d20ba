package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each limit of {@link JourneySettings#defaults()} holds when a profile pushes past it within minutes. */
class ContextBoundsTest {

    private final JourneyEngine underTest = JourneyEngine.defaults();
    private final JourneySettings limits = JourneySettings.defaults();

    @Test
    void manyCategoriesSkusAndTopics_stayWithinLimits() {
        Events kiosk = new Events("kiosk-1", "s-1");
        Run run = new Run(underTest, "p-1");
        for (int i = 0; i < 100; i++) {
            run.apply(kiosk.view(minutes(i * 0.01), "sku-" + i, "cat-" + i));
            run.apply(kiosk.cartAdd(minutes(i * 0.01), "sku-" + i, "cat-" + i));
            run.apply(kiosk.serviceRequest(minutes(i * 0.01), "topic-" + i));
        }

        assertThat(run.state.counters().asMap()).hasSize(limits.counterKeys());
        assertThat(run.state.cart()).hasSize(limits.cartLines());
        assertThat(run.state.serviceJourneys()).hasSize(limits.serviceJourneys())
                .last().extracting(ServiceJourney::topic).isEqualTo("topic-99");
        assertThat(run.state.recent()).hasSize(limits.recentActivities());
    }

    @Test
    void manySessionsWithCarts_cancelTheTimerDueFirst() {
        Run run = new Run(underTest, "p-1");
        for (int i = 0; i < limits.pendingTimers() + 1; i++) {
            run.apply(new Events("kiosk-" + i, "s-" + i).cartAdd(minutes(i), "a", "shoes"));
        }

        assertThat(run.state.pendingTimers()).hasSize(limits.pendingTimers())
                .doesNotContainKey("cart_abandonment/p-1/s-0");
        assertThat(run.timers).contains(new TimerCommand.Cancel("cart_abandonment/p-1/s-0"));
    }

    @Test
    void manySources_keepTheMostRecentPositions() {
        Run run = new Run(underTest, "p-1");
        for (int i = 0; i < 30; i++) {
            run.apply(new Events("kiosk-" + i, "s-" + i).view(minutes(i), "a", "shoes"));
            run.apply(Events.webTrack("m-" + i, minutes(i), "Product Viewed", Json.createObjectBuilder().build()));
            run.apply(Events.webTrack("n-" + i, minutes(i), "Product Viewed", Json.createObjectBuilder().build()));
            run.apply(Events.webTrack("o-" + i, minutes(i), "Product Viewed", Json.createObjectBuilder().build()));
        }

        assertThat(run.state.sources()).hasSize(limits.sources()).last()
                .extracting(SourcePosition::source).isEqualTo("wm:/s/store-1/d/kiosk-29");
        assertThat(run.state.webEventIds()).hasSize(limits.webEventIds());
        assertThat(run.state.webEventIds()).last().isEqualTo("wm:/web/wk-shop o-29");
        assertThat(List.copyOf(run.state.sessions().keySet())).containsExactlyInAnyOrder(Channel.KIOSK, Channel.WEB);
    }
}
