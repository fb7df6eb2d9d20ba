package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.dist.internal.demo.Customers.Customer;
import org.junit.jupiter.api.Test;

class CustomersTest {

    @Test
    void generate_sameSeed_sameCustomers() {
        assertThat(Customers.generate(100, 5).all()).isEqualTo(Customers.generate(100, 5).all());
        assertThat(Customers.generate(100, 5).all()).isNotEqualTo(Customers.generate(100, 6).all());
    }

    @Test
    void generate_valuesAreVisiblyFakeAndDistinct() {
        Customers underTest = Customers.generate(500, 1);

        assertThat(underTest.all()).hasSize(500)
                .allSatisfy(customer -> {
                    assertThat(customer.loyaltyId()).matches("DEMO-\\d{4}-\\d{4}");
                    assertThat(customer.email()).matches("demo\\.shopper\\.\\d{4}@example\\.com");
                    assertThat(customer.crmId()).matches("demo-crm-\\d{4}");
                });
        assertThat(underTest.all().stream().map(Customer::loyaltyId).distinct()).hasSize(500);
        assertThat(underTest.all().stream().map(Customer::email).distinct()).hasSize(500);
    }

    @Test
    void omnichannel_isTheFirstShareOfThePool() {
        Customers underTest = Customers.generate(200, 1);

        assertThat(underTest.omnichannel(0.25)).hasSize(50).containsExactlyElementsOf(underTest.all().subList(0, 50));
        assertThat(Customers.generate(3, 1).omnichannel(0.01)).hasSize(1);
    }

    @Test
    void generate_withoutCustomers_isRefused() {
        assertThatThrownBy(() -> Customers.generate(0, 1)).hasMessageStartingWith("count:");
    }
}
