package dev.waymark.dist.internal.demo;

import java.time.Duration;
import java.util.List;

/**
 * What the simulated shoppers do that the OTTO sample cannot say (it has neither loyalty cards, consent screens,
 * searches nor service desks): our own assumptions, stated in docs/demo-data.md.
 *
 * @param loyaltyScanShare     share of kiosk visits that scan a loyalty card
 * @param consentShare         share of kiosk visits answering the consent screen right after the session starts
 * @param marketingGrantShare  share of consent choices granting marketing (else denied)
 * @param serviceRequestShare  share of kiosk visits asking for help
 * @param serviceTopics        the topics of service requests
 * @param searchShare          share of browse steps that are a search instead of a product view
 * @param noResultShare        share of searches finding nothing
 * @param sameCategoryShare    share of new product views staying in the previous view's category
 * @param secondUnitShare      share of cart adds of two units instead of one
 * @param explicitEndShare     share of kiosk visits without a purchase that end with the end button (the others
 *                             walk away and the agent's idle timeout ends the session)
 * @param maxGap               the longest pause between two captures of a visit, in shopper time: a shopper
 *                             standing still longer has left (the agent's idle timeout is 120 s by default)
 * @param locale               the kiosk's language, sent with each session start
 */
public record ShopperHabits(double loyaltyScanShare, double consentShare, double marketingGrantShare,
                            double serviceRequestShare, List<String> serviceTopics, double searchShare,
                            double noResultShare, double sameCategoryShare, double secondUnitShare,
                            double explicitEndShare, Duration maxGap, String locale) {

    /** Throws IllegalArgumentException naming a share outside 0..1, no topics or a gap that is not positive. */
    public ShopperHabits {
        share("loyaltyScanShare", loyaltyScanShare);
        share("consentShare", consentShare);
        share("marketingGrantShare", marketingGrantShare);
        share("serviceRequestShare", serviceRequestShare);
        share("searchShare", searchShare);
        share("noResultShare", noResultShare);
        share("sameCategoryShare", sameCategoryShare);
        share("secondUnitShare", secondUnitShare);
        share("explicitEndShare", explicitEndShare);
        serviceTopics = List.copyOf(serviceTopics);
        if (serviceTopics.isEmpty()) {
            throw new IllegalArgumentException("serviceTopics: needs at least one topic");
        }
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maxGap: must be positive");
        }
    }

    /**
     * The demo's habits: 30% scan a card, 75% answer the consent screen (70% of them say yes to offers), 12% ask
     * for help, 40% of non-buyers press end, gaps up to 90 s.
     */
    public static ShopperHabits defaults() {
        return new ShopperHabits(0.3, 0.75, 0.7, 0.12, List.of("fitting", "sizing", "product-advice", "stock-check"),
                0.1, 0.2, 0.6, 0.1, 0.4, Duration.ofSeconds(90), "en");
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + ": must be a share from 0 to 1, was " + value);
        }
    }
}
