package dev.waymark.dist.internal.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A pool of made-up loyalty customers shared by the kiosk and the web simulator, so that some people shop on both
 * channels. Every value is visibly fake: loyalty numbers start with {@code DEMO-}, e-mails are at
 * {@code example.com} (reserved for examples, RFC 2606), CRM ids start with {@code demo-crm-}.
 */
public final class Customers {

    /** One customer; {@code number} counts from 1. */
    public record Customer(int number, String loyaltyId, String email, String crmId) {
    }

    private final List<Customer> all;

    private Customers(List<Customer> all) {
        this.all = List.copyOf(all);
    }

    /** {@code count} customers (at least 1), the same for the same seed. */
    public static Customers generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count: must be at least 1, was " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> loyaltyIds = new HashSet<>();
        List<Customer> customers = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            String loyaltyId;
            do {
                loyaltyId = String.format("DEMO-%04d-%04d", random.nextInt(10_000), random.nextInt(10_000));
            } while (!loyaltyIds.add(loyaltyId));
            customers.add(new Customer(number, loyaltyId, String.format("demo.shopper.%04d@example.com", number),
                    String.format("demo-crm-%04d", number)));
        }
        return new Customers(customers);
    }

    /** Every customer, by number. */
    public List<Customer> all() {
        return all;
    }

    /** How many there are. */
    public int size() {
        return all.size();
    }

    /** The first {@code share} of them (at least one): the customers who also shop on the web. */
    public List<Customer> omnichannel(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share: must be above 0 and at most 1, was " + share);
        }
        return all.subList(0, Math.max(1, (int) Math.round(share * all.size())));
    }

    Customer pick(SplittableRandom random) {
        return all.get(random.nextInt(all.size()));
    }
}
