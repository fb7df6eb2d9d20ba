package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.demo.DemoProducts.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws {@link VisitPlan}s from the shapes: a visit has a cart with the measured share; a cart visit is bursts of
 * views each ending in a cart add, then views after the last add and a purchase with the measured share; a visit
 * without a cart is a run of views. Views repeat an earlier item with the measured share.
 */
final class VisitPlanner {

    private final ShopperShapes shapes;
    private final ShopperHabits habits;

    VisitPlanner(ShopperShapes shapes, ShopperHabits habits) {
        this.shapes = shapes;
        this.habits = habits;
    }

    VisitPlan plan(SplittableRandom random) {
        Browsing browsing = new Browsing(random);
        if (random.nextDouble() >= shapes.cartVisitShare()) {
            browsing.browse(Math.max(1, shapes.viewsPerBrowseVisit().draw(random)));
            return new VisitPlan(browsing.steps, false);
        }
        int carts = shapes.cartsPerCartVisit().draw(random);
        for (int i = 0; i < carts; i++) {
            browsing.browse(shapes.viewsBeforeCart().draw(random));
            browsing.addToCart();
        }
        browsing.browse(shapes.viewsAfterLastCart().draw(random));
        return new VisitPlan(browsing.steps, random.nextDouble() < shapes.cartVisitOrderShare());
    }

    /** One visit's steps so far. */
    private final class Browsing {

        private final SplittableRandom random;
        private final List<VisitPlan.Step> steps = new ArrayList<>();
        private final List<Product> viewed = new ArrayList<>();
        private String category;

        Browsing(SplittableRandom random) {
            this.random = random;
            this.category = DemoProducts.anyCategory(random);
        }

        void browse(int views) {
            for (int i = 0; i < views; i++) {
                if (!viewed.isEmpty() && random.nextDouble() < shapes.repeatViewShare()) {
                    view(viewed.get(random.nextInt(viewed.size())));
                } else if (random.nextDouble() < habits.searchShare()) {
                    category = DemoProducts.anyCategory(random);
                    steps.add(new VisitPlan.Search(category, random.nextDouble() >= habits.noResultShare()));
                } else {
                    if (random.nextDouble() >= habits.sameCategoryShare()) {
                        category = DemoProducts.anyCategory(random);
                    }
                    view(DemoProducts.anyIn(category, random));
                }
            }
        }

        void addToCart() {
            Product product = !viewed.isEmpty() && random.nextDouble() < shapes.cartOfViewedItemShare()
                    ? viewed.get(viewed.size() - 1 - random.nextInt(Math.min(3, viewed.size())))
                    : DemoProducts.anyIn(category, random);
            steps.add(new VisitPlan.CartAdd(product, random.nextDouble() < habits.secondUnitShare() ? 2 : 1));
        }

        private void view(Product product) {
            viewed.add(product);
            category = product.category();
            steps.add(new VisitPlan.View(product));
        }
    }
}
