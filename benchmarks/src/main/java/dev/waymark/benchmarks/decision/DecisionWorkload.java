package dev.waymark.benchmarks.decision;

import dev.waymark.decision.ActionCatalog;
import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.protocol.Channel;
import dev.waymark.decision.ConsentView;
import dev.waymark.decision.Contact;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ContactHistory;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionMode;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.DecisionRequest;
import dev.waymark.decision.Outcome;
import dev.waymark.decision.PropensityModel;
import dev.waymark.decision.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic decisioning workload: 200 actions over nine (channel, placement) slots (about 22 candidates per
 * slot), rules of the shapes marketers write, learned arms, caps, cooldowns, quiet hours and a 5% control group;
 * and kiosk requests with varied profiles and journeys.
 */
final class DecisionWorkload {

    static final int ACTIONS = 200;
    static final Instant NOW = Instant.parse("2026-11-23T15:30:00Z");

    private static final String[][] SLOTS = {
        {"kiosk", "home"}, {"kiosk", "checkout"}, {"kiosk", "idle"}, {"web", "home"}, {"web", "product"},
        {"web", "cart"}, {"app", "home"}, {"app", "product"}, {"push", "promo"}};

    private static final String[] RULES = {
        "journey.stage == 'purchase' && journey.cartValue > %d",
        "'shoes' in journey.cartCategories && journey.cartItems >= %d",
        "profile.tier in ['gold', 'platinum'] && profile.visits > %d",
        "context.intent == 'cart_abandonment' && journey.cartItems > %d",
        "journey.viewsByCategory.exists(c, journey.viewsByCategory[c] >= %d)",
        "!journey.openServiceJourney && journey.sessionActivities > %d",
        "profile.age >= 18 && profile.country == 'DE' && journey.stage != 'awareness' && profile.visits >= %d",
        "journey.lastIntent == 'feature_exploration' || journey.noResultSearches >= %d",
        "event.category == 'outdoor' && event.price > %d",
        "true || %d == 0"};

    private DecisionWorkload() {
    }

    static List<ActionDefinition> catalog(boolean realisticRules) {
        List<ActionDefinition> actions = new ArrayList<>(ACTIONS);
        for (int i = 0; i < ACTIONS; i++) {
            String[] slot = SLOTS[i % SLOTS.length];
            Channel channel = Channel.fromWireName(slot[0]).orElseThrow();
            ActionCategory category = i % 7 == 0 ? ActionCategory.CARE : i % 11 == 0 ? ActionCategory.SERVICE
                    : ActionCategory.SALES;
            String rule = realisticRules ? String.format(RULES[i % RULES.length], 1 + i % 5) : "true";
            ActionDefinition.Builder action = ActionDefinition.builder("action-" + i).category(category)
                    .placements(slot[1]).value(1 + i % 40).weight(i % 3 == 0 ? 1.5 : 1.0)
                    .consentPurpose(i % 2 == 0 ? "offers" : "personalisation").eligibility(rule);
            if (channel == Channel.PUSH) {
                action.channels(Channel.PUSH, Channel.SMS, Channel.EMAIL);
            } else {
                action.channels(channel);
            }
            actions.add(action.build());
        }
        return actions;
    }

    static ActionCatalog compiled(boolean realisticRules) {
        return ActionCatalog.compile(catalog(realisticRules)).orElseThrow();
    }

    static DecisionPolicies policies(boolean explore) {
        return DecisionPolicies.defaults()
                .withCaps(List.of(ContactCap.perDay(Channel.KIOSK, ActionCategory.SALES, 20),
                        ContactCap.perDay(Channel.SMS, ActionCategory.SALES, 1),
                        new ContactCap(Channel.EMAIL, ActionCategory.SALES, 3, Duration.ofDays(7))))
                .withCooldown(Duration.ofMinutes(30), Map.of())
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .withControlGroup(new ControlGroupPolicy(5, "bench"))
                .withExplore(explore);
    }

    /** A model with learned arms for every action in the four stages a kiosk sees most. */
    static PropensityModel model() {
        PropensityModel model = PropensityModel.withPrior(1, 50);
        SplittableRandom random = new SplittableRandom(1);
        String[] stages = {"awareness", "consideration", "research", "purchase"};
        for (int i = 0; i < ACTIONS; i++) {
            for (String stage : stages) {
                for (int k = 0; k < 40; k++) {
                    model.update(new Outcome("action-" + i, "kiosk|" + stage, random.nextDouble() < 0.03));
                }
            }
        }
        return model;
    }

    static DecisionRequest[] requests(int count) {
        SplittableRandom random = new SplittableRandom(2);
        String[] stages = {"awareness", "consideration", "research", "purchase", "loyalty"};
        String[] tiers = {"basic", "silver", "gold", "platinum"};
        DecisionRequest[] requests = new DecisionRequest[count];
        for (int i = 0; i < count; i++) {
            Map<String, Object> journey = Map.ofEntries(
                    Map.entry("stage", stages[random.nextInt(stages.length)]),
                    Map.entry("cartItems", (long) random.nextInt(5)),
                    Map.entry("cartValue", (long) random.nextInt(20_000)),
                    Map.entry("cartCategories", random.nextBoolean() ? List.of("shoes", "socks") : List.of("hats")),
                    Map.entry("openServiceJourney", random.nextInt(10) == 0),
                    Map.entry("openServiceTopics", List.of()),
                    Map.entry("sessionActivities", (long) random.nextInt(12)),
                    Map.entry("sessionChannel", "kiosk"),
                    Map.entry("viewsByCategory", Map.of("outdoor", (long) random.nextInt(5), "shoes",
                            (long) random.nextInt(3))),
                    Map.entry("noResultSearches", (long) random.nextInt(3)),
                    Map.entry("lastIntent", random.nextBoolean() ? "feature_exploration" : ""),
                    Map.entry("lastActivity", "product_view"));
            List<Contact> contacts = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                contacts.add(new Contact("action-" + random.nextInt(ACTIONS), Channel.KIOSK, ActionCategory.SALES,
                        NOW.minus(Duration.ofMinutes(5 + random.nextInt(2_000)))));
            }
            ConsentView consent = random.nextInt(5) == 0
                    ? (purpose, channel) -> purpose.equals("offers") : ConsentView.grantAll();
            requests[i] = DecisionRequest.builder(DecisionMode.INBOUND, "bench-" + i, "profile-" + i, Channel.KIOSK,
                            "home", NOW)
                    .profile(Map.of("tier", tiers[random.nextInt(tiers.length)], "visits", (long) random.nextInt(9),
                            "age", (long) (16 + random.nextInt(60)), "country", random.nextBoolean() ? "DE" : "FR"))
                    .journey(journey)
                    .event(Map.of("type", "wm.kiosk.product_view", "category", "outdoor", "price",
                            (long) random.nextInt(6)))
                    .context(Map.of("intent", random.nextBoolean() ? "cart_abandonment" : "none", "store", "s-17"))
                    .consent(consent)
                    .history(ContactHistory.of(contacts))
                    .zone(ZoneId.of("Europe/Berlin"))
                    .build();
        }
        return requests;
    }
}
