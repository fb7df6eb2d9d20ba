package dev.waymark.dist.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo store's made-up assortment: six categories of outdoor gear, six products each, prices in euro cents. The
 * OTTO sample has item ids only, so categories and prices are ours; {@code running-shoes} and cart values over 50
 * euros are what the demo's actions look for.
 */
public final class DemoProducts {

    /** One product. */
    public record Product(String sku, String category, long price) {
    }

    /** Every price is in this currency. */
    public static final String CURRENCY = "EUR";

    private static final List<Product> ALL = List.copyOf(assortment());
    private static final List<String> CATEGORIES = ALL.stream().map(Product::category).distinct().toList();

    private DemoProducts() {
    }

    /** All products, in catalogue order. */
    public static List<Product> all() {
        return ALL;
    }

    /** The categories, in catalogue order. */
    public static List<String> categories() {
        return CATEGORIES;
    }

    static Product anyIn(String category, SplittableRandom random) {
        List<Product> products = ALL.stream().filter(p -> p.category().equals(category)).toList();
        return products.get(random.nextInt(products.size()));
    }

    static String anyCategory(SplittableRandom random) {
        return CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    }

    private static List<Product> assortment() {
        List<Product> products = new ArrayList<>();
        add(products, "running-shoes", "RUN", 8999, 10999, 12999, 13999, 14999, 15999);
        add(products, "trail-socks", "SOX", 1299, 1499, 1599, 1799, 1999, 2199);
        add(products, "rain-jackets", "JKT", 7999, 9999, 12999, 14999, 17999, 19999);
        add(products, "backpacks", "BAG", 4999, 5999, 6999, 7999, 8999, 11999);
        add(products, "headlamps", "LMP", 2499, 2999, 3499, 3999, 4999, 5999);
        add(products, "water-bottles", "BTL", 999, 1299, 1499, 1999, 2499, 2999);
        return products;
    }

    private static void add(List<Product> products, String category, String code, long... prices) {
        for (int i = 0; i < prices.length; i++) {
            products.add(new Product("SKU-" + code + "-" + (i + 1), category, prices[i]));
        }
    }
}
