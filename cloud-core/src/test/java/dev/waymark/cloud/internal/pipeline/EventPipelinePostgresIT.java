package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.store.PostgresSchema;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.LoyaltyScan;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link EventPipelineTest} on PostgreSQL, in a schema of its own, and what only PostgreSQL allows: several
 * replicas on one store (SQLite is one process's file).
 */
class EventPipelinePostgresIT extends EventPipelineTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @Override
    String storeUrl() {
        return POSTGRES.url();
    }

    @Test
    void fireDue_twoReplicasOnOneStore_fireEachTimerOnce() throws Exception {
        append(kiosk("kiosk-1", new LoyaltyScan("s4", "tok:loyal-4")),
                kiosk("kiosk-1", new CartAdd("s4", "sku-9", "shoes", 1, 8900, "EUR")));
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        try (CloudParts replica = new CloudParts(storeUrl(), clock)) {
            var first = underTest.timers().fireDue();
            var second = replica.pipeline.timers().fireDue();

            assertThat(first.await(10, TimeUnit.SECONDS) + second.await(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM journey_timers")).isZero();
        assertThat(column("SELECT intent FROM decisions")).containsExactly("cart_abandonment");
    }
}
