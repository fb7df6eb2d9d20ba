package dev.waymark.journey.internal;

import dev.waymark.journey.CartLine;
import dev.waymark.journey.IntentPattern.CartAbandonment;
import dev.waymark.journey.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cart abandonment. Each cart add sets (or moves) the session's timer to {@code windowMinutes} after it; a
 * checkout or purchase, or emptying the cart, cancels every timer of this pattern, because the cart belongs to
 * the profile, not the session. The intent fires when the timer fires with items in the cart
 * ({@code reason "timeout"}), or, with {@code onSessionEnd}, when a session that added to the cart ends with
 * items still in it ({@code reason "session_end"}; its timer is cancelled).
 */
final class CartAbandonmentRule implements PatternRule {

    private final CartAbandonment pattern;

    CartAbandonmentRule(CartAbandonment pattern) {
        this.pattern = pattern;
    }

    @Override
    public void onActivity(Draft d, Occurrence o) {
        String timerId = PendingTimer.idFor(pattern.name(), d.profileKey(), o.session().id());
        switch (o.activity()) {
            case CART_ADD:
                if (!d.cart.isEmpty()) {
                    d.setTimer(new PendingTimer(timerId, pattern.name(), o.facts().channel(), o.session().id(),
                            o.at().plus(Duration.ofMinutes(pattern.windowMinutes())), o.eventId()));
                }
                break;
            case CART_REMOVE:
                if (d.cart.isEmpty()) {
                    cancelAll(d);
                }
                break;
            case CHECKOUT:
            case PURCHASE:
                cancelAll(d);
                break;
            case SESSION_END:
                if (pattern.onSessionEnd() && d.timers.containsKey(timerId) && !d.cart.isEmpty()) {
                    d.emit(pattern.name(), o.at(), o.eventId(), attributes(d.cart, "session_end",
                            d.timers.get(timerId)));
                    d.cancelTimer(timerId);
                }
                break;
            default:
                break;
        }
    }

    @Override
    public void onTimer(Draft d, PendingTimer timer, Instant at) {
        if (!d.cart.isEmpty()) {
            d.emit(pattern.name(), timer.dueAt(), timer.sourceEventId(), attributes(d.cart, "timeout", timer));
        }
    }

    private void cancelAll(Draft d) {
        List<String> mine = d.timers.values().stream().filter(t -> t.pattern().equals(pattern.name()))
                .map(PendingTimer::timerId).toList();
        mine.forEach(d::cancelTimer);
    }

    private static Map<String, Object> attributes(List<CartLine> cart, String reason, PendingTimer timer) {
        return Map.of("reason", reason,
                "channel", timer.channel().name().toLowerCase(Locale.ROOT),
                "sessionId", timer.sessionId(),
                "cartItems", cart.stream().mapToLong(CartLine::quantity).sum(),
                "cartValue", cart.stream().mapToLong(CartLine::value).sum(),
                "cartCategories", cart.stream().map(CartLine::category).filter(c -> !c.isEmpty()).distinct()
                        .sorted().toList());
    }
}
