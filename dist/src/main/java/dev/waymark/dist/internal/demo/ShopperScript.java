package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.demo.Customers.Customer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One shopper's visit at a kiosk as the UI would capture it: a session start, the home screen, bursts of product
 * views and searches with cart adds ({@link ShopperShapes}), sometimes a loyalty scan with consent choices and a
 * service request ({@link ShopperHabits}), then a purchase, the end button, or walking away (the captures simply
 * stop; the agent's idle timeout ends the session).
 *
 * @param captures the captures in order, each at its offset from the visit's start
 * @param ending   how the visit ends
 * @param customer the loyalty customer who scanned a card, if one did
 */
public record ShopperScript(List<TimedCapture> captures, Ending ending, Optional<Customer> customer) {

    /** How a visit ends. */
    public enum Ending {
        /** Checkout, purchase, then the end button. */
        PURCHASE,
        /** The end button without buying. */
        EXPLICIT_END,
        /** The shopper leaves; no capture ends the session. */
        WALK_AWAY
    }

    /**
     * One capture, {@code {"type": ..., "data": {...}}} as text, at its offset from the visit's start.
     *
     * @param at   offset from the visit's start, in shopper time
     * @param type the event type
     * @param json the capture
     */
    public record TimedCapture(Duration at, String type, String json) {
    }

    /** Copies the list; the first capture is at offset zero. */
    public ShopperScript {
        captures = List.copyOf(captures);
    }

    /** A visit drawn with the default habits; the same for the same random state. */
    public static ShopperScript generate(ShopperShapes shapes, Customers customers, SplittableRandom random) {
        return generate(shapes, ShopperHabits.defaults(), customers, random);
    }

    /** A visit drawn from {@code shapes} and {@code habits}; the same for the same random state. */
    public static ShopperScript generate(ShopperShapes shapes, ShopperHabits habits, Customers customers,
                                         SplittableRandom random) {
        VisitPlan plan = new VisitPlanner(shapes, habits).plan(random);
        return new KioskVisit(shapes, habits, random).render(plan, customers);
    }

    /** The offset of the last capture. */
    public Duration duration() {
        return captures.isEmpty() ? Duration.ZERO : captures.get(captures.size() - 1).at();
    }

    /** The number of captures of {@code type}. */
    public long count(String type) {
        return captures.stream().filter(c -> c.type().equals(type)).count();
    }

    static TimedCapture timed(Duration at, JsonObject capture) {
        return new TimedCapture(at, capture.getString("type"), capture.encode());
    }
}
