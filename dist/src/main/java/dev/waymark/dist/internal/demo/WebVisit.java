package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.demo.Customers.Customer;
import dev.waymark.dist.internal.demo.DemoProducts.Product;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One visitor's visit to the web shop as Segment calls (docs/collector.md): the home page, a {@code track} per
 * browse step ({@code Product Viewed}, {@code Products Searched}, {@code Product Added}), checkout and order, and for
 * a known customer an {@code identify} with {@code traits.loyaltyId} and {@code traits.email} at a random point,
 * after which the calls carry the customer's {@code userId}, as Segment's libraries do.
 *
 * @param calls    the calls in order, each at its offset from the visit's start (without timestamp and messageId,
 *                 which are set when sent)
 * @param customer the customer who identified, if one did
 */
record WebVisit(List<Timed> calls, Optional<Customer> customer) {

    /** One call at its offset from the visit's start. */
    record Timed(Duration at, JsonObject call) {
    }

    WebVisit {
        calls = List.copyOf(calls);
    }

    static WebVisit generate(ShopperShapes shapes, ShopperHabits habits, Optional<Customer> customer,
                             SplittableRandom random) {
        VisitPlan plan = new VisitPlanner(shapes, habits).plan(random);
        String anonymousId = "anon-" + hex(random, 8);
        int identifyBefore = random.nextInt(plan.steps().size() + 1);
        List<Timed> calls = new ArrayList<>();
        Duration at = Duration.ZERO;
        Optional<String> userId = Optional.empty();
        calls.add(new Timed(at, call("page", anonymousId, userId).put("name", "Home")
                .put("properties", new JsonObject().put("path", "/"))));
        for (int i = 0; i <= plan.steps().size(); i++) {
            if (i == identifyBefore && customer.isPresent()) {
                userId = Optional.of(customer.get().crmId());
                at = at.plus(shapes.gaps().draw(random, habits.maxGap()));
                calls.add(new Timed(at, call("identify", anonymousId, userId).put("traits", new JsonObject()
                        .put("loyaltyId", customer.get().loyaltyId()).put("email", customer.get().email()))));
            }
            if (i < plan.steps().size()) {
                at = at.plus(shapes.gaps().draw(random, habits.maxGap()));
                calls.add(new Timed(at, track(plan.steps().get(i), anonymousId, userId)));
            }
        }
        if (plan.purchase()) {
            JsonArray products = new JsonArray();
            plan.cart().forEach((product, quantity) -> products.add(product(product).put("quantity", quantity)));
            double total = plan.cartTotal() / 100.0;
            String orderId = "demo-web-order-" + hex(random, 6);
            at = at.plus(shapes.gaps().draw(random, habits.maxGap()));
            calls.add(new Timed(at, track("Checkout Started", anonymousId, userId, new JsonObject()
                    .put("order_id", orderId).put("value", total).put("currency", DemoProducts.CURRENCY)
                    .put("products", products.copy()))));
            at = at.plus(shapes.gaps().draw(random, habits.maxGap()));
            calls.add(new Timed(at, track("Order Completed", anonymousId, userId, new JsonObject()
                    .put("order_id", orderId).put("total", total).put("currency", DemoProducts.CURRENCY)
                    .put("products", products))));
        }
        return new WebVisit(calls, customer);
    }

    private static JsonObject track(VisitPlan.Step step, String anonymousId, Optional<String> userId) {
        if (step instanceof VisitPlan.View view) {
            return track("Product Viewed", anonymousId, userId, product(view.product()));
        }
        if (step instanceof VisitPlan.Search search) {
            return track("Products Searched", anonymousId, userId, new JsonObject()
                    .put("query", search.category().replace('-', ' ')).put("results", search.found() ? 6 : 0));
        }
        VisitPlan.CartAdd add = (VisitPlan.CartAdd) step;
        return track("Product Added", anonymousId, userId, product(add.product()).put("quantity", add.quantity()));
    }

    private static JsonObject track(String event, String anonymousId, Optional<String> userId, JsonObject props) {
        return call("track", anonymousId, userId).put("event", event).put("properties", props);
    }

    private static JsonObject product(Product product) {
        return new JsonObject().put("product_id", product.sku()).put("sku", product.sku())
                .put("category", product.category()).put("price", product.price() / 100.0)
                .put("currency", DemoProducts.CURRENCY);
    }

    private static JsonObject call(String type, String anonymousId, Optional<String> userId) {
        JsonObject call = new JsonObject().put("type", type).put("anonymousId", anonymousId);
        userId.ifPresent(id -> call.put("userId", id));
        return call.put("context", new JsonObject().put("library", new JsonObject().put("name", "waymark-demo")));
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** The number of calls of {@code type} (and, for {@code track}, of {@code event} when given). */
    long count(String type, String event) {
        return calls.stream().map(Timed::call).filter(c -> c.getString("type").equals(type))
                .filter(c -> event == null || event.equals(c.getString("event"))).count();
    }
}
