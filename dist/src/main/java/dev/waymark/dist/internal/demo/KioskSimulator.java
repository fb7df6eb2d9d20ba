package dev.waymark.dist.internal.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives real kiosk agents like shoppers at their screens: per kiosk, one {@link ShopperScript} after another over
 * the agent's WebSocket {@code /v1/ws}, in compressed time; answers the actions the agent shows with accept or
 * dismiss at the configured shares; reopens a dropped socket (the visit in progress is then abandoned) and counts
 * everything ({@link #counts()}). Non-blocking: every kiosk runs on an event loop of {@code vertx}.
 */
public final class KioskSimulator {

    /**
     * How the simulator behaves.
     *
     * @param compression          shopper time runs this many times faster than the wall clock (at least 1)
     * @param pauseBetweenShoppers wall-clock pause after a visit before the next shopper starts
     * @param afterWalkAway        extra wall-clock pause after a visit that walked away from a cart; at least the agents'
     *                             {@code sessionIdleSeconds} lets their idle timeout end the session, shorter
     *                             lets the next shopper's session start end it (reason {@code restart})
     * @param acceptShare          share of shown actions the shopper accepts
     * @param dismissShare         share of shown actions the shopper dismisses (the rest are ignored and expire)
     * @param readTime             shopper time spent reading an action before answering
     * @param replyTimeout         wall-clock wait for the agent's reply to a capture before the socket is reopened
     * @param habits               the shoppers' habits beyond the measured shapes
     * @param seed                 seed of the visits and answers; the same seed draws the same visits
     */
    public record Settings(double compression, Duration pauseBetweenShoppers, Duration afterWalkAway,
                           double acceptShare, double dismissShare, Duration readTime, Duration replyTimeout,
                           ShopperHabits habits, long seed) {

        /** Throws IllegalArgumentException naming a value out of range. */
        public Settings {
            if (!(compression >= 1)) {
                throw new IllegalArgumentException("compression: must be at least 1, was " + compression);
            }
            if (!(acceptShare >= 0 && dismissShare >= 0 && acceptShare + dismissShare <= 1)) {
                throw new IllegalArgumentException("acceptShare, dismissShare: must be shares adding up to 1 at most");
            }
            for (Duration d : List.of(pauseBetweenShoppers, afterWalkAway, readTime, replyTimeout)) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("durations must not be negative, was " + d);
                }
            }
        }

        /**
         * The demo's: 10x faster, 2 s between shoppers, no extra wait after walking away, 30% of actions accepted
         * and 50% dismissed after 5 s of reading, 10 s reply timeout, default habits, seed 1.
         */
        public static Settings defaults() {
            return new Settings(10, Duration.ofSeconds(2), Duration.ZERO, 0.3, 0.5, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), ShopperHabits.defaults(), 1);
        }

        /** These settings with another compression factor. */
        public Settings withCompression(double factor) {
            return new Settings(factor, pauseBetweenShoppers, afterWalkAway, acceptShare, dismissShare, readTime,
                    replyTimeout, habits, seed);
        }

        /** These settings with other pauses after a visit and after a walked-away visit. */
        public Settings withPauses(Duration betweenShoppers, Duration afterWalkingAway) {
            return new Settings(compression, betweenShoppers, afterWalkingAway, acceptShare, dismissShare, readTime,
                    replyTimeout, habits, seed);
        }

        /** These settings with other shares of accepted and dismissed actions. */
        public Settings withAnswers(double accept, double dismiss) {
            return new Settings(compression, pauseBetweenShoppers, afterWalkAway, accept, dismiss, readTime,
                    replyTimeout, habits, seed);
        }

        /** These settings with other shopper habits. */
        public Settings withHabits(ShopperHabits shopperHabits) {
            return new Settings(compression, pauseBetweenShoppers, afterWalkAway, acceptShare, dismissShare,
                    readTime, replyTimeout, shopperHabits, seed);
        }

        /** These settings with another seed. */
        public Settings withSeed(long newSeed) {
            return new Settings(compression, pauseBetweenShoppers, afterWalkAway, acceptShare, dismissShare,
                    readTime, replyTimeout, habits, newSeed);
        }

        /** The wall-clock time of {@code shopperTime}, at least 1 ms (a Vert.x timer's minimum). */
        long wallMillis(Duration shopperTime) {
            return Math.max(1, Math.round(shopperTime.toMillis() / compression));
        }
    }

    private final List<URI> kiosks;
    private final ShopperShapes shapes;
    private final Customers customers;
    private final Settings settings;
    private final KioskTally tally = new KioskTally();
    private final Deployments deployments;

    /**
     * A simulator for the agents at {@code kiosks}, each the base URI of a capture API
     * ({@code http://127.0.0.1:8787}). Nothing happens before {@link #start()}.
     */
    public KioskSimulator(Vertx vertx, List<URI> kiosks, ShopperShapes shapes, Customers customers,
                          Settings settings) {
        if (kiosks.isEmpty()) {
            throw new IllegalArgumentException("kiosks: needs at least one capture API");
        }
        this.deployments = new Deployments(vertx);
        this.kiosks = List.copyOf(kiosks);
        this.shapes = shapes;
        this.customers = customers;
        this.settings = settings;
    }

    /**
     * Starts every kiosk's shoppers; completes once all are running (connecting goes on in the background, with
     * backoff while an agent is not up). A start after {@link #stop()} draws the same visits again.
     */
    public Future<Void> start() {
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        return deployments.deploy(kiosks.size(), i -> new KioskDriver(kiosks.get(i), shapes, customers, settings,
                seeds.split(), tally));
    }

    /** Stops every kiosk at once: pending captures are dropped, sockets closed. */
    public Future<Void> stop() {
        return deployments.undeployAll();
    }

    /** The counters so far, over all kiosks. */
    public KioskCounts counts() {
        return tally.snapshot();
    }
}
