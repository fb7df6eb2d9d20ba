package dev.waymark.journey.internal;

import dev.waymark.journey.IntentPattern.JourneyCompletion;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Journey completion: a purchase while a purchase journey is open (stage consideration, research or purchase)
 * closes it ({@code journey "purchase"}); a resolution while a service journey is open closes it
 * ({@code journey "service"}).
 */
final class JourneyCompletionRule implements PatternRule {

    private final JourneyCompletion pattern;

    JourneyCompletionRule(JourneyCompletion pattern) {
        this.pattern = pattern;
    }

    @Override
    public void onActivity(Draft d, Occurrence o) {
        String channel = o.facts().channel().name().toLowerCase(Locale.ROOT);
        switch (o.activity()) {
            case PURCHASE:
                if (ContextUpdate.purchaseJourneyOpen(d.before.stage())) {
                    d.emit(pattern.name(), o.at(), o.eventId(), Map.of("journey", "purchase",
                            "orderId", o.facts().orderId(), "value", o.facts().unitPrice(),
                            "cartItems", d.before.cartItems(), "channel", channel));
                }
                break;
            case SERVICE_RESOLVED:
                ContextUpdate.closing(d.before.serviceJourneys(), o.facts().topic()).ifPresent(j ->
                        d.emit(pattern.name(), o.at(), o.eventId(), Map.of("journey", "service",
                                "topic", j.topic(), "serviceJourneyId", j.id(), "channel", channel,
                                "openMinutes", Math.max(0, Duration.between(j.openedAt(), o.at()).toMinutes()))));
                break;
            default:
                break;
        }
    }
}
