package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.journey.CartLine;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyContextCodec;
import dev.waymark.privacy.ConsentRecord;
import dev.waymark.privacy.ConsentStatus;
import dev.waymark.privacy.Purpose;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Synthetic profiles for campaign benchmarks and tests, written straight into the store's tables. Profile
 * {@code i} is {@code syn-<i, 9 digits>} with an e-mail identifier; every {@value #CART_EVERY}th has a journey with
 * one item in the cart (so segment {@code journey.cartItems > 0} holds a quarter of them), and all granted
 * marketing by e-mail but those with {@code i % }{@value #DENIED_EVERY}{@code  == 4} (a fifth of the carts).
 */
public final class SyntheticProfiles {

    /** The catalog action campaigns over synthetic profiles send. */
    public static final String ACTION = "campaign-email";
    /** Its placement. */
    public static final String PLACEMENT = "newsletter";
    /** Every this many profiles has a cart. */
    public static final int CART_EVERY = 4;
    /** One in this many profiles has no marketing consent. */
    public static final int DENIED_EVERY = 10;

    private SyntheticProfiles() {
    }

    /** The id of profile {@code i}. */
    public static String id(long i) {
        return String.format(Locale.ROOT, "syn-%09d", i);
    }

    /** The catalog entry of {@link #ACTION}: a sales e-mail for any profile a campaign picks. */
    public static JsonObject emailAction() {
        return new JsonObject().put("id", ACTION).put("category", "sales")
                .put("channels", new JsonArray().add("email")).put("placements", new JsonArray().add(PLACEMENT))
                .put("value", 4.0).put("timeToLive", "P1D").put("consentPurpose", "marketing")
                .put("edgeDecidable", false).put("eligibility", "has(context.campaign)")
                .put("title", "Your cart is waiting").put("body", "Free delivery on what you left in your cart.")
                .put("currency", "EUR");
    }

    /** Writes profiles {@code from} (inclusive) to {@code to} (exclusive) in {@code c}'s transaction. */
    public static void write(Connection c, ConsentLedgerBook consent, long from, long to, Instant now)
            throws SQLException {
        try (PreparedStatement profiles = c.prepareStatement(
                "INSERT INTO profiles (profile_id, created_at, merged_into) VALUES (?, ?, NULL)");
                PreparedStatement identities = c.prepareStatement(
                        "INSERT INTO identities (namespace, value, profile_id, linked_at) VALUES ('email', ?, ?, ?)");
                PreparedStatement journeys = c.prepareStatement(
                        "INSERT INTO journeys (profile_id, context, updated_at) VALUES (?, ?, ?)")) {
            for (long i = from; i < to; i++) {
                String id = id(i);
                profiles.setString(1, id);
                profiles.setLong(2, now.toEpochMilli());
                profiles.addBatch();
                identities.setString(1, id + "@example.invalid");
                identities.setString(2, id);
                identities.setLong(3, now.toEpochMilli());
                identities.addBatch();
                if (i % CART_EVERY == 0) {
                    journeys.setString(1, id);
                    journeys.setString(2, JourneyContextCodec.write(withCart(id, now)));
                    journeys.setLong(3, now.toEpochMilli());
                    journeys.addBatch();
                }
                if (i % DENIED_EVERY != 4) {
                    consent.append(c, ConsentRecord.of(id, Purpose.MARKETING, Channel.EMAIL, ConsentStatus.GRANTED,
                            "synthetic", now));
                }
            }
            profiles.executeBatch();
            identities.executeBatch();
            journeys.executeBatch();
        }
    }

    private static JourneyContext withCart(String id, Instant now) {
        JourneyContext e = JourneyContext.empty(id);
        return new JourneyContext(id, e.stage(), now, e.sessions(), e.serviceJourneys(), e.recent(),
                List.of(new CartLine("SKU-" + id.hashCode() % 100, "packs", 1, 2999)), e.counters(),
                e.lastIntent(), e.pendingTimers(), e.lastFired(), e.sources(), e.webEventIds());
    }
}
