package dev.waymark.journey;

import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityMappingTest {

    private final ActivityMapping underTest = ActivityMapping.defaults();
    private final Events kiosk = new Events("kiosk-1", "s-1");

    @Test
    void defaults_searchWithoutResult_isItsOwnActivity() {
        assertThat(underTest.map(kiosk.search(minutes(0), 0))).contains(Activity.SEARCH_NO_RESULT);
        assertThat(underTest.map(kiosk.search(minutes(1), 7))).contains(Activity.SEARCH);
    }

    @Test
    void defaults_mapKioskCommerceEvents() {
        assertThat(underTest.map(kiosk.cartAdd(minutes(0), "a", "shoes"))).contains(Activity.CART_ADD);
        assertThat(underTest.map(kiosk.purchase(minutes(0), "a"))).contains(Activity.PURCHASE);
        assertThat(underTest.map(kiosk.end(minutes(0)))).contains(Activity.SESSION_END);
    }

    @Test
    void defaults_mapSegmentEcommerceTrackCalls() {
        assertThat(underTest.map(Events.webTrack("m1", minutes(0), "Product Added",
                Json.createObjectBuilder().build()))).contains(Activity.CART_ADD);
        assertThat(underTest.map(Events.webTrack("m2", minutes(0), "Products Searched",
                Json.createObjectBuilder().add("results", 0).build()))).contains(Activity.SEARCH_NO_RESULT);
        assertThat(underTest.map(Events.webTrack("m3", minutes(0), "Products Searched",
                Json.createObjectBuilder().add("results", 3.0).build()))).contains(Activity.SEARCH);
        assertThat(underTest.map(Events.webTrack("m4", minutes(0), "Coupon Entered",
                Json.createObjectBuilder().build()))).isEmpty();
    }

    @Test
    void parse_badRules_areRejectedNamingRuleAndField() {
        Loaded<ActivityMapping, PatternError> loaded = ActivityMapping.parse("""
                {"rules": [
                  {"type": "wm.kiosk.teleport", "activity": "CART_ADD"},
                  {"type": "wm.kiosk.search", "when": {"field": "results", "equals": 0}, "activity": "SEARCH"},
                  {"type": "wm.kiosk.search", "activity": "BROWSE"}
                ]}
                """);

        assertThat(loaded.errors()).extracting(PatternError::toString).containsExactly(
                "rules[0].type: unknown event type 'wm.kiosk.teleport'",
                "rules[1].when.field: 'results' is not a field of wm.kiosk.search",
                "rules[2].activity: unknown activity 'BROWSE'");
    }

    @Test
    void toJson_readsBackEqual() {
        assertThat(ActivityMapping.parse(underTest.toJson()).orElseThrow()).isEqualTo(underTest)
                .hasSameHashCodeAs(underTest);
    }

    @Test
    void of_unknownType_throws() {
        assertThatThrownBy(() -> ActivityMapping.of(List.of(ActivityMapping.Rule.of("wm.x.y", Activity.SEARCH))))
                .hasMessageContaining("rules[0].type: unknown event type");
    }

    @Test
    void rule_honoursEqualsAndHashCode() {
        ActivityMapping.Rule a = new ActivityMapping.Rule("wm.kiosk.search",
                List.of(new ActivityMapping.Condition("resultCount", "0")), Activity.SEARCH_NO_RESULT);
        ActivityMapping.Rule b = new ActivityMapping.Rule("wm.kiosk.search",
                List.of(new ActivityMapping.Condition("resultCount", "0")), Activity.SEARCH_NO_RESULT);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(ActivityMapping.Rule.of("wm.kiosk.search",
                Activity.SEARCH));
    }
}
