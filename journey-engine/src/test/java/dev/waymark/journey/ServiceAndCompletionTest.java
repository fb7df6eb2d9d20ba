package dev.waymark.journey;

import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class ServiceAndCompletionTest {

    private final JourneyEngine underTest = JourneyEngine.defaults();
    private final Events kiosk = new Events("kiosk-1", "s-1");

    @Test
    void serviceInquiry_opensJourneyAndFiresOnce() {
        Run run = new Run(underTest, "p-1");

        Step first = run.apply(kiosk.serviceRequest(minutes(0), "returns"));
        Step again = run.apply(kiosk.serviceRequest(minutes(1), "returns"));

        assertThat(first.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.name()).isEqualTo("service_request");
            assertThat(intent.attributes()).containsEntry("topic", "returns").containsEntry("channel", "kiosk");
        });
        assertThat(again.intents()).isEmpty();
        assertThat(run.state.serviceJourneys()).extracting(ServiceJourney::topic).containsExactly("returns");
        assertThat(run.state.facts()).containsEntry("openServiceJourney", true);
    }

    @Test
    void serviceInquiry_otherTopic_opensSecondJourney() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.serviceRequest(minutes(0), "returns"),
                kiosk.serviceRequest(minutes(1), "repair"));

        assertThat(run.intentNames()).containsExactly("service_request", "service_request");
        assertThat(run.state.serviceJourneys()).hasSize(2);
    }

    @Test
    void serviceResolved_closesJourney_andEmitsCompletion() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.serviceRequest(minutes(0), "returns"));

        Step step = run.apply(Events.webTrack("m-1", minutes(45), "Service Resolved",
                Json.createObjectBuilder().add("topic", "returns").build()));

        assertThat(step.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.name()).isEqualTo("journey_completion");
            assertThat(intent.attributes()).containsEntry("journey", "service").containsEntry("topic", "returns")
                    .containsEntry("openMinutes", 45L).containsEntry("channel", "web");
        });
        assertThat(step.state().serviceJourneys()).isEmpty();
    }

    @Test
    void serviceResolved_withNoOpenJourney_emitsNothing() {
        Run run = new Run(underTest, "p-1");

        assertThat(run.apply(Events.webTrack("m-1", minutes(1), "Service Resolved",
                Json.createObjectBuilder().build())).intents()).isEmpty();
    }

    @Test
    void purchase_afterBrowsing_completesPurchaseJourneyAndMovesToLoyalty() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.view(minutes(0), "a", "shoes"),
                kiosk.cartAdd(minutes(1), "a", "shoes"));
        assertThat(run.state.stage()).isEqualTo(JourneyStage.PURCHASE);

        Step step = run.apply(kiosk.purchase(minutes(2), "a"));

        assertThat(step.intents()).extracting(Intent::name).containsExactly("journey_completion");
        assertThat(step.intents().get(0).attributes()).containsEntry("journey", "purchase")
                .containsEntry("value", 1999L).containsEntry("cartItems", 1L);
        assertThat(step.state().stage()).isEqualTo(JourneyStage.LOYALTY);
        assertThat(step.state().cart()).isEmpty();
    }

    @Test
    void purchase_withoutOpenJourney_completesNothing() {
        Run run = new Run(underTest, "p-1");

        assertThat(run.apply(kiosk.purchase(minutes(0), "a")).intents()).isEmpty();
    }

    @Test
    void browsingAfterPurchase_startsNewCycle() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.view(minutes(0), "a", "shoes"),
                kiosk.purchase(minutes(1), "a"), kiosk.view(minutes(2), "b", "bags"));

        assertThat(run.state.stage()).isEqualTo(JourneyStage.CONSIDERATION);
    }
}
