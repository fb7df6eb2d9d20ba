package dev.waymark.journey;

import java.time.Month;
import java.util.Objects;

/**
 * What a kiosk or web session really knows about itself, as input to {@link IntentModel#score}. Page kinds follow
 * the UCI Online Shoppers data: administrative (account, login, loyalty pages), informational (store, service,
 * about pages) and product-related pages, each as a count and the seconds spent on them. No page value or other
 * figure that needs the session's outcome is included.
 *
 * @param administrativePages administrative pages seen
 * @param administrativeSeconds seconds on administrative pages
 * @param informationalPages informational pages seen
 * @param informationalSeconds seconds on informational pages
 * @param productPages product pages seen
 * @param productSeconds seconds on product pages
 * @param bounceRate mean bounce rate of the pages seen, 0..1, from site analytics; where the channel cannot know it
 *     (a kiosk), pass {@link #TYPICAL_BOUNCE_RATE}, not 0, which would read as a very good page
 * @param exitRate mean exit rate of the pages seen, 0..1, from site analytics; where unknown pass
 *     {@link #TYPICAL_EXIT_RATE}
 * @param weekend whether the session is on a Saturday or Sunday
 * @param month the session's month
 * @param visitorType new or returning visitor
 */
public record SessionFeatures(int administrativePages, double administrativeSeconds, int informationalPages,
        double informationalSeconds, int productPages, double productSeconds, double bounceRate, double exitRate,
        boolean weekend, Month month, VisitorType visitorType) {

    /** Mean bounce rate over the UCI sessions the model was trained on; neutral input to the model. */
    public static final double TYPICAL_BOUNCE_RATE = 0.0222;
    /** Mean exit rate over the UCI sessions the model was trained on; neutral input to the model. */
    public static final double TYPICAL_EXIT_RATE = 0.0431;

    /**
     * @throws IllegalArgumentException naming the field when a count or duration is negative or a rate is
     *     outside 0..1
     */
    public SessionFeatures {
        count(administrativePages, "administrativePages");
        seconds(administrativeSeconds, "administrativeSeconds");
        count(informationalPages, "informationalPages");
        seconds(informationalSeconds, "informationalSeconds");
        count(productPages, "productPages");
        seconds(productSeconds, "productSeconds");
        rate(bounceRate, "bounceRate");
        rate(exitRate, "exitRate");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(visitorType, "visitorType");
    }

    private static void count(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": must be >= 0");
        }
    }

    private static void seconds(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be a finite number >= 0");
        }
    }

    private static void rate(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + ": must be between 0 and 1");
        }
    }
}
