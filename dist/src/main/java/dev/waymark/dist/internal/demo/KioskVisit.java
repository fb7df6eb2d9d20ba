package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.demo.Customers.Customer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Renders a {@link VisitPlan} as kiosk captures, adding the kiosk's own steps and the gaps between captures. */
final class KioskVisit {

    private final ShopperShapes shapes;
    private final ShopperHabits habits;
    private final SplittableRandom random;
    private final List<ShopperScript.TimedCapture> captures = new ArrayList<>();
    private Duration at = Duration.ZERO;

    KioskVisit(ShopperShapes shapes, ShopperHabits habits, SplittableRandom random) {
        this.shapes = shapes;
        this.habits = habits;
        this.random = random;
    }

    ShopperScript render(VisitPlan plan, Customers customers) {
        List<VisitPlan.Step> steps = plan.steps();
        Optional<Customer> customer = random.nextDouble() < habits.loyaltyScanShare()
                ? Optional.of(customers.pick(random)) : Optional.empty();
        int scanBefore = random.nextInt(steps.size() + 1);
        int serviceBefore = random.nextDouble() < habits.serviceRequestShare() ? random.nextInt(steps.size() + 1)
                : -1;
        add(KioskCaptures.sessionStart(habits.locale()));
        add(KioskCaptures.screenView("home"));
        if (random.nextDouble() < habits.consentShare()) {
            add(KioskCaptures.consentUpdate("marketing", random.nextDouble() < habits.marketingGrantShare()));
            add(KioskCaptures.consentUpdate("personalization", true));
        }
        for (int i = 0; i <= steps.size(); i++) {
            if (i == scanBefore && customer.isPresent()) {
                scan(customer.get());
            }
            if (i == serviceBefore) {
                add(KioskCaptures.serviceRequest(habits.serviceTopics().get(
                        random.nextInt(habits.serviceTopics().size()))));
            }
            if (i < steps.size()) {
                add(capture(steps.get(i)));
            }
        }
        ShopperScript.Ending ending = ending(plan);
        if (ending == ShopperScript.Ending.PURCHASE) {
            int items = plan.cart().values().stream().mapToInt(Integer::intValue).sum();
            add(KioskCaptures.checkoutStart(items, plan.cartTotal()));
            byte[] orderNumber = new byte[6];
            random.nextBytes(orderNumber);
            add(KioskCaptures.purchase("demo-order-" + HexFormat.of().formatHex(orderNumber), plan.cart(),
                    plan.cartTotal()));
        }
        if (ending != ShopperScript.Ending.WALK_AWAY) {
            add(KioskCaptures.sessionEnd());
        }
        return new ShopperScript(captures, ending, customer);
    }

    private ShopperScript.Ending ending(VisitPlan plan) {
        if (plan.purchase()) {
            return ShopperScript.Ending.PURCHASE;
        }
        return random.nextDouble() < habits.explicitEndShare() ? ShopperScript.Ending.EXPLICIT_END
                : ShopperScript.Ending.WALK_AWAY;
    }

    private void scan(Customer customer) {
        add(KioskCaptures.loyaltyScan(customer.loyaltyId()));
    }

    private static JsonObject capture(VisitPlan.Step step) {
        if (step instanceof VisitPlan.View view) {
            return KioskCaptures.productView(view.product());
        }
        if (step instanceof VisitPlan.Search search) {
            return KioskCaptures.search(search.category(), search.found() ? 6 : 0);
        }
        VisitPlan.CartAdd add = (VisitPlan.CartAdd) step;
        return KioskCaptures.cartAdd(add.product(), add.quantity());
    }

    private void add(JsonObject capture) {
        if (!captures.isEmpty()) {
            at = at.plus(shapes.gaps().draw(random, habits.maxGap()));
        }
        captures.add(ShopperScript.timed(at, capture));
    }
}
