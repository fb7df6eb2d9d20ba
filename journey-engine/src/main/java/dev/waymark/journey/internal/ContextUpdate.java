package dev.waymark.journey.internal;

import dev.waymark.journey.Activity;
import dev.waymark.journey.CartLine;
import dev.waymark.journey.JourneySettings;
import dev.waymark.journey.JourneyStage;
import dev.waymark.journey.RecentActivity;
import dev.waymark.journey.ServiceJourney;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Applies an activity to the context's own state: recent list, cart, counters, stage, service journeys. */
final class ContextUpdate {

    private ContextUpdate() {
    }

    static void apply(Draft d, Occurrence o, JourneySettings settings, Duration counterHorizon) {
        EventFacts f = o.facts();
        d.recent.add(new RecentActivity(o.activity(), f.channel(), o.at(), o.eventId(), f.category()));
        while (d.recent.size() > settings.recentActivities()) {
            d.recent.remove(0);
        }
        Instant horizon = d.asOf.minus(counterHorizon);
        switch (o.activity()) {
            case PRODUCT_VIEW:
                if (!f.category().isEmpty()) {
                    d.counters = d.counters.record(Facts.VIEW_PREFIX + f.category(), o.at(), horizon,
                            settings.counterKeys());
                }
                advance(d, JourneyStage.CONSIDERATION);
                break;
            case SEARCH:
                advance(d, JourneyStage.RESEARCH);
                break;
            case SEARCH_NO_RESULT:
                d.counters = d.counters.record(Facts.NO_RESULT, o.at(), horizon, settings.counterKeys());
                advance(d, JourneyStage.RESEARCH);
                break;
            case CART_ADD:
                addToCart(d, f, settings.cartLines());
                advance(d, JourneyStage.PURCHASE);
                break;
            case CART_REMOVE:
                removeFromCart(d, f);
                if (d.cart.isEmpty() && d.stage == JourneyStage.PURCHASE) {
                    d.stage = JourneyStage.CONSIDERATION;
                }
                break;
            case CHECKOUT:
                advance(d, JourneyStage.PURCHASE);
                break;
            case PURCHASE:
                d.cart.clear();
                d.stage = JourneyStage.LOYALTY;
                break;
            case SERVICE_INQUIRY:
                if (d.serviceJourneys.stream().noneMatch(j -> j.topic().equals(f.topic()))) {
                    d.serviceJourneys.add(new ServiceJourney(o.eventId(), f.topic(), f.channel(), o.at()));
                    while (d.serviceJourneys.size() > settings.serviceJourneys()) {
                        d.serviceJourneys.remove(0);
                    }
                }
                break;
            case SERVICE_RESOLVED:
                closing(d.serviceJourneys, f.topic()).ifPresent(d.serviceJourneys::remove);
                break;
            default:
                break;
        }
    }

    /** The open service journey a resolution of {@code topic} closes: that topic's, else the oldest. */
    static Optional<ServiceJourney> closing(List<ServiceJourney> open, String topic) {
        return open.stream().filter(j -> j.topic().equals(topic)).findFirst()
                .or(() -> open.stream().findFirst());
    }

    /** Whether a purchase journey is open: the profile has browsed or filled a cart since its last purchase. */
    static boolean purchaseJourneyOpen(JourneyStage stage) {
        return stage == JourneyStage.CONSIDERATION || stage == JourneyStage.RESEARCH
                || stage == JourneyStage.PURCHASE;
    }

    /** Moves forward within a cycle; after a purchase (loyalty) any browsing starts a new cycle. */
    private static void advance(Draft d, JourneyStage target) {
        if (d.stage == JourneyStage.LOYALTY || target.compareTo(d.stage) > 0) {
            d.stage = target;
        }
    }

    private static void addToCart(Draft d, EventFacts f, int maxLines) {
        if (f.sku().isEmpty()) {
            return;
        }
        for (int i = 0; i < d.cart.size(); i++) {
            CartLine line = d.cart.get(i);
            if (line.sku().equals(f.sku())) {
                int quantity = (int) Math.min(Integer.MAX_VALUE, (long) line.quantity() + f.quantity());
                d.cart.set(i, new CartLine(line.sku(), line.category().isEmpty() ? f.category() : line.category(),
                        quantity, f.unitPrice()));
                return;
            }
        }
        if (d.cart.size() < maxLines) {
            d.cart.add(new CartLine(f.sku(), f.category(), f.quantity(), f.unitPrice()));
        }
    }

    private static void removeFromCart(Draft d, EventFacts f) {
        for (int i = 0; i < d.cart.size(); i++) {
            CartLine line = d.cart.get(i);
            if (line.sku().equals(f.sku())) {
                int left = line.quantity() - f.quantity();
                if (left > 0) {
                    d.cart.set(i, new CartLine(line.sku(), line.category(), left, line.unitPrice()));
                } else {
                    d.cart.remove(i);
                }
                return;
            }
        }
    }
}
