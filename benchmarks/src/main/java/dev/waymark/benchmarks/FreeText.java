package dev.waymark.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kiosk free text as shoppers type it — feedback, service notes, searches — about a third of it carrying an
 * e-mail, phone, card, IBAN, IP or SSN, the rest order numbers, SKUs, sizes, dates and prices that must not match.
 */
public final class FreeText {

    private static final String[] PLAIN = {
        "The size guide for the trail shoes was confusing, I usually wear a 42 but the 43 fits",
        "Order ORD-2024-000123 arrived on 2026-11-20 but the box for SKU-88213-XL was damaged",
        "Could the kiosk show whether the blue jacket is in stock in the Lyon store before 18:30?",
        "Price on the shelf said 49.99 but the screen shows 54.99 for item 10452, please check",
        "Looking for waterproof boots under 120 euros, size 38, any colour except white",
        "The checkout froze twice at 10:15 and again at 10:42, I had three items in the cart",
    };
    private static final String[] PII = {
        "Please call me back on (415) 555-0132 about the return, I am free after 5pm",
        "Send the receipt to marie.dupont@example.fr instead of the paper copy",
        "My card 4111 1111 1111 1111 was charged twice for order ORD-2024-000877",
        "Refund to IBAN DE89 3704 0044 0532 0130 00 please, not to the gift card",
        "The kiosk at 10.20.30.41 keeps showing the error page after the update",
        "They asked for my SSN 536-22-1234 at the service desk, is that normal?",
    };

    private FreeText() {
    }

    /** {@code count} texts, deterministic for the seed. */
    public static List<String> sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean personal = random.nextInt(3) == 0;
            String[] pool = personal ? PII : PLAIN;
            texts.add(pool[random.nextInt(pool.length)]);
        }
        return texts;
    }
}
