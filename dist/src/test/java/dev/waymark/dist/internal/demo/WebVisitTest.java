package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.dist.internal.demo.Customers.Customer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WebVisitTest {

    private static final ShopperShapes SHAPES = ShopperShapes.load();
    private static final ShopperHabits HABITS = ShopperHabits.defaults();
    private static final Customer ADA = Customers.generate(3, 9).all().get(0);

    @Test
    void customerVisit_identifiesWithLoyaltyIdAndEmail_thenCallsCarryTheUserId() {
        WebVisit underTest = WebVisit.generate(SHAPES, HABITS, Optional.of(ADA), new SplittableRandom(1));

        List<JsonObject> calls = underTest.calls().stream().map(WebVisit.Timed::call).toList();
        int identify = indexOf(calls, "identify");
        JsonObject traits = calls.get(identify).getJsonObject("traits");
        assertThat(traits.getString("loyaltyId")).isEqualTo(ADA.loyaltyId());
        assertThat(traits.getString("email")).isEqualTo(ADA.email());
        assertThat(calls.subList(identify, calls.size()))
                .allSatisfy(call -> assertThat(call.getString("userId")).isEqualTo(ADA.crmId()));
        assertThat(calls.subList(0, identify)).allSatisfy(call -> assertThat(call.containsKey("userId")).isFalse());
        assertThat(calls.stream().map(c -> c.getString("anonymousId")).distinct()).hasSize(1);
    }

    @Test
    void anonymousVisit_neverIdentifies() {
        WebVisit underTest = WebVisit.generate(SHAPES, HABITS, Optional.empty(), new SplittableRandom(2));

        assertThat(underTest.count("identify", null)).isZero();
        assertThat(underTest.calls()).allSatisfy(t -> assertThat(t.call().containsKey("userId")).isFalse());
    }

    @Test
    void manyVisits_startOnTheHomePage_andTrackSegmentEcommerceEvents() {
        SplittableRandom random = new SplittableRandom(3);
        List<WebVisit> visits = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            visits.add(WebVisit.generate(SHAPES, HABITS, Optional.empty(), random.split()));
        }

        assertThat(visits).allSatisfy(v -> assertThat(v.calls().get(0).call().getString("type")).isEqualTo("page"));
        assertThat(visits.stream().flatMap(v -> v.calls().stream()).map(WebVisit.Timed::call)
                .filter(c -> c.getString("type").equals("track")).map(c -> c.getString("event")).distinct())
                .containsExactlyInAnyOrder("Product Viewed", "Products Searched", "Product Added",
                        "Checkout Started", "Order Completed");
        assertThat(visits.stream().filter(v -> v.count("track", "Product Added") > 0).count() / 2_000.0)
                .isBetween(SHAPES.cartVisitShare() - 0.03, SHAPES.cartVisitShare() + 0.03);
    }

    private static int indexOf(List<JsonObject> calls, String type) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).getString("type").equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " call");
    }
}
