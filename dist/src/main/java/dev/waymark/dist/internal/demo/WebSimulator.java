package dev.waymark.dist.internal.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Web shop visitors posting Segment calls to the cloud's collector ({@code {cloudApi}/v1/batch}, the write key as
 * the basic-auth user): each browser plays one visit after another in compressed time, drawn from the same
 * {@link ShopperShapes} as the kiosks. A share of the visits is by a customer of the shared {@link Customers} pool,
 * who identifies with the loyalty number and e-mail the kiosks scan, so the cloud joins both channels into one
 * profile. Non-blocking; counts in {@link #counts()}.
 */
public final class WebSimulator {

    /**
     * How the simulator behaves.
     *
     * @param compression          shopper time runs this many times faster than the wall clock (at least 1)
     * @param browsers             visitors browsing at the same time (at least 1)
     * @param omnichannelShare     share of the customer pool that also shops on the web
     * @param identifyShare        share of visits by one of those customers, who identifies
     * @param pauseBetweenVisits   wall-clock pause between one browser's visits
     * @param requestTimeout       wall-clock wait for the collector's answer
     * @param habits               the visitors' habits beyond the measured shapes
     * @param seed                 seed of the visits; the same seed draws the same visits
     */
    public record Settings(double compression, int browsers, double omnichannelShare, double identifyShare,
                           Duration pauseBetweenVisits, Duration requestTimeout, ShopperHabits habits, long seed) {

        /** Throws IllegalArgumentException naming a value out of range. */
        public Settings {
            if (!(compression >= 1)) {
                throw new IllegalArgumentException("compression: must be at least 1, was " + compression);
            }
            if (browsers < 1) {
                throw new IllegalArgumentException("browsers: must be at least 1, was " + browsers);
            }
            if (!(omnichannelShare > 0 && omnichannelShare <= 1)) {
                throw new IllegalArgumentException("omnichannelShare: must be above 0 and at most 1");
            }
            if (!(identifyShare >= 0 && identifyShare <= 1)) {
                throw new IllegalArgumentException("identifyShare: must be a share from 0 to 1");
            }
            if (pauseBetweenVisits.isNegative() || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("pauseBetweenVisits, requestTimeout: must not be negative");
            }
        }

        /**
         * The demo's: 10x faster, 2 browsers, half the customers shop online too, 60% of visits by one of them,
         * 2 s between visits, 10 s timeout, default habits, seed 2.
         */
        public static Settings defaults() {
            return new Settings(10, 2, 0.5, 0.6, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    ShopperHabits.defaults(), 2);
        }

        /** These settings with another compression factor. */
        public Settings withCompression(double factor) {
            return new Settings(factor, browsers, omnichannelShare, identifyShare, pauseBetweenVisits, requestTimeout,
                    habits, seed);
        }

        /** These settings with another number of simultaneous visitors. */
        public Settings withBrowsers(int count) {
            return new Settings(compression, count, omnichannelShare, identifyShare, pauseBetweenVisits,
                    requestTimeout, habits, seed);
        }

        /** These settings with other shares of omnichannel customers and identifying visits. */
        public Settings withCustomers(double omnichannel, double identify) {
            return new Settings(compression, browsers, omnichannel, identify, pauseBetweenVisits, requestTimeout,
                    habits, seed);
        }

        /** These settings with another seed. */
        public Settings withSeed(long newSeed) {
            return new Settings(compression, browsers, omnichannelShare, identifyShare, pauseBetweenVisits,
                    requestTimeout, habits, newSeed);
        }

        long wallMillis(Duration shopperTime) {
            return Math.max(1, Math.round(shopperTime.toMillis() / compression));
        }
    }

    private final String batchUri;
    private final String writeKey;
    private final ShopperShapes shapes;
    private final Customers customers;
    private final Settings settings;
    private final WebTally tally = new WebTally();
    private final Deployments deployments;

    /**
     * A simulator posting to the cloud API at {@code cloudApi} ({@code http://127.0.0.1:8080}) with a public
     * write key ({@code POST /v1/api-keys {"kind": "public"}}). Nothing happens before {@link #start()}.
     */
    public WebSimulator(Vertx vertx, URI cloudApi, String writeKey, ShopperShapes shapes, Customers customers,
                        Settings settings) {
        if (writeKey.isBlank()) {
            throw new IllegalArgumentException("writeKey: must not be blank");
        }
        this.deployments = new Deployments(vertx);
        this.batchUri = cloudApi.toString().replaceAll("/+$", "") + "/v1/batch";
        this.writeKey = writeKey;
        this.shapes = shapes;
        this.customers = customers;
        this.settings = settings;
    }

    /** Starts the browsers; completes once they run. A start after {@link #stop()} draws the same visits again. */
    public Future<Void> start() {
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        return deployments.deploy(settings.browsers(), i -> new WebBrowser(batchUri, writeKey, shapes,
                customers.omnichannel(settings.omnichannelShare()), settings, seeds.split(), tally));
    }

    /** Stops every browser at once; calls in flight are abandoned. */
    public Future<Void> stop() {
        return deployments.undeployAll();
    }

    /** The counters so far, over all browsers. */
    public WebCounts counts() {
        return tally.snapshot();
    }
}
