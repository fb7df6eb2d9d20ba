package dev.waymark.dist.internal;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.protocol.Channel;
import java.time.Duration;
import java.util.List;

/** The demo's actions: they tell the seed's stories — a cart left behind gets an offer, a service need gets help. */
final class DemoCatalog {

    static final String PLACEMENT = "kiosk-banner";

    private DemoCatalog() {
    }

    static List<ActionDefinition> actions() {
        return List.of(
                kiosk("cart-rescue-10", ActionCategory.SALES, 8.0,
                        "context.intent == 'cart_abandonment' && journey.cartValue >= 5000"),
                kiosk("trail-socks-bundle", ActionCategory.SALES, 3.0,
                        "'running-shoes' in journey.cartCategories"),
                kiosk("fitting-help", ActionCategory.SERVICE, 2.0,
                        "journey.openServiceJourney || context.intent == 'service_request'"),
                kiosk("loyalty-signup", ActionCategory.SALES, 1.0,
                        "context.intent == 'feature_exploration'"));
    }

    /**
     * Defaults, without a control group (the demo shows one shopper of each story, not uplift) and without
     * exploration: nothing has been learned yet, so every propensity is the prior's mean and value decides.
     */
    static DecisionPolicies policies() {
        return DecisionPolicies.defaults().withControlGroup(ControlGroupPolicy.none()).withMaxActions(1)
                .withExplore(false);
    }

    private static ActionDefinition kiosk(String id, ActionCategory category, double value, String eligibility) {
        return ActionDefinition.builder(id)
                .category(category)
                .channels(Channel.KIOSK)
                .placements(PLACEMENT)
                .value(value)
                .timeToLive(Duration.ofMinutes(5))
                .consentPurpose(category == ActionCategory.SALES ? "marketing" : "service")
                .edgeDecidable(true)
                .eligibility(eligibility)
                .build();
    }
}
