package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.protocol.event.SessionEnd;
import dev.waymark.protocol.event.SessionStart;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyContextTest {

    private final Events kiosk = new Events("kiosk-1", "s-1");

    @Test
    void empty_factsHaveEveryKeyWithNeutralValues() {
        JourneyContext underTest = JourneyContext.empty("p-1");

        assertThat(underTest.facts()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("stage", "awareness"), Map.entry("cartItems", 0L), Map.entry("cartValue", 0L),
                Map.entry("cartCategories", List.of()), Map.entry("openServiceJourney", false),
                Map.entry("openServiceTopics", List.of()), Map.entry("sessionActivities", 0L),
                Map.entry("sessionChannel", ""), Map.entry("viewsByCategory", Map.of()),
                Map.entry("noResultSearches", 0L), Map.entry("lastIntent", ""), Map.entry("lastActivity", "")));
    }

    @Test
    void facts_afterKioskSession_reflectCartSessionAndWindowedViews() {
        Run run = new Run(JourneyEngine.defaults(), "p-1").applyAll(kiosk.start(minutes(0)),
                kiosk.view(minutes(1), "a", "shoes"), kiosk.cartAdd(minutes(2), "a", "shoes"),
                kiosk.cartAdd(minutes(3), "a", "shoes"), kiosk.cartAdd(minutes(4), "b", "bags"));

        JourneyContext underTest = run.state;

        assertThat(underTest.cart()).containsExactly(new CartLine("a", "shoes", 2, 1999),
                new CartLine("b", "bags", 1, 1999));
        assertThat(underTest.facts()).containsEntry("stage", "purchase").containsEntry("cartItems", 3L)
                .containsEntry("cartValue", 3 * 1999L).containsEntry("cartCategories", List.of("bags", "shoes"))
                .containsEntry("sessionActivities", 5L).containsEntry("sessionChannel", "kiosk")
                .containsEntry("viewsByCategory", Map.of("shoes", 1L)).containsEntry("lastActivity", "cart_add");
    }

    @Test
    void facts_viewsOlderThanFactsWindow_drop() {
        Run run = new Run(JourneyEngine.defaults(), "p-1").applyAll(kiosk.view(minutes(0), "a", "shoes"),
                kiosk.view(minutes(31), "b", "bags"));

        assertThat(run.state.facts().get("viewsByCategory")).isEqualTo(Map.of("bags", 1L));
    }

    @Test
    void webSession_endsAfterGap_andNextEventStartsNewOne() {
        Run run = new Run(JourneyEngine.defaults(), "p-1");
        run.apply(Events.webTrack("m1", minutes(0), "Product Viewed", Json.createObjectBuilder().build()));
        run.apply(Events.webTrack("m2", minutes(20), "Product Viewed", Json.createObjectBuilder().build()));
        assertThat(run.state.sessions().get(Channel.WEB).id()).isEqualTo("m1");

        run.apply(Events.webTrack("m3", minutes(51), "Product Viewed", Json.createObjectBuilder().build()));

        assertThat(run.state.sessions().get(Channel.WEB)).isEqualTo(new ChannelSession("m3", minutes(51),
                minutes(51), 1, false));
    }

    @Test
    void lateEndOfEarlierSession_keepsTheCurrentSession() {
        Events earlier = new Events("kiosk-1", "s-0");
        Run run = new Run(JourneyEngine.defaults(), "p-1").applyAll(earlier.at(1, minutes(0), new SessionStart("s-0",
                "en-GB")), kiosk.at(2, minutes(5), new SessionStart("s-1", "en-GB")));

        run.apply(earlier.at(3, minutes(6), new SessionEnd("s-0", "timeout", 300_000)));

        assertThat(run.state.sessions().get(Channel.KIOSK).id()).isEqualTo("s-1");
    }

    @Test
    void empty_blankProfileKey_isRejected() {
        assertThatThrownBy(() -> JourneyContext.empty(" ")).hasMessage("profileKey: must not be blank");
    }

    @Test
    void context_honoursEqualsAndHashCode() {
        assertThat(JourneyContext.empty("p-1")).isEqualTo(JourneyContext.empty("p-1"))
                .hasSameHashCodeAs(JourneyContext.empty("p-1")).isNotEqualTo(JourneyContext.empty("p-2"));
        assertThat(new Intent("x", "p", minutes(0), "e", Map.of("a", 1L))).isEqualTo(new Intent("x", "p", minutes(0),
                "e", Map.of("a", 1L))).hasSameHashCodeAs(new Intent("x", "p", minutes(0), "e", Map.of("a", 1L)));
        assertThat(new TimerCommand.Set("t", minutes(1))).isEqualTo(new TimerCommand.Set("t", minutes(1)))
                .isNotEqualTo(new TimerCommand.Cancel("t"));
    }
}
