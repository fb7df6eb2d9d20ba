package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.demo.DemoProducts.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one shopper does in one visit, whatever the channel: browse steps and cart adds in order, then a purchase of
 * the cart or not. The kiosk and the web simulator each render it in their own format and add their own steps.
 *
 * @param steps    the browse steps and cart adds in order
 * @param purchase whether the visit ends buying the cart (only with a cart)
 */
record VisitPlan(List<Step> steps, boolean purchase) {

    /** One step of a visit. */
    sealed interface Step {
    }

    /** A product view. */
    record View(Product product) implements Step {
    }

    /** A search in a category, finding something or nothing. */
    record Search(String category, boolean found) implements Step {
    }

    /** Adding {@code quantity} units of a product to the cart. */
    record CartAdd(Product product, int quantity) implements Step {
    }

    VisitPlan {
        steps = List.copyOf(steps);
        if (purchase && steps.stream().noneMatch(step -> step instanceof CartAdd)) {
            throw new IllegalArgumentException("a purchase needs a cart");
        }
    }

    /** The cart at the end of the visit: product to units, in the order first added. */
    Map<Product, Integer> cart() {
        Map<Product, Integer> cart = new LinkedHashMap<>();
        for (Step step : steps) {
            if (step instanceof CartAdd add) {
                cart.merge(add.product(), add.quantity(), Integer::sum);
            }
        }
        return cart;
    }

    /** The cart's value in cents. */
    long cartTotal() {
        return cart().entrySet().stream().mapToLong(line -> line.getKey().price() * line.getValue()).sum();
    }
}
