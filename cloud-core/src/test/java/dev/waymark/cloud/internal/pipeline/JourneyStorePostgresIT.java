package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.store.PostgresSchema;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.ProductView;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas' writers on one PostgreSQL store changing the same profile's journey (a router's merge against a
 * pipeline): the second one's read waits for the first one's commit and sees its change.
 */
class JourneyStorePostgresIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();
    private static final Instant AT = Instant.parse("2026-11-23T10:15:00Z");

    private final JourneyEngine engine = JourneyEngine.defaults();
    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SplittableRandom(5));
    private TwoWriters writers;

    @BeforeEach
    void open() throws Exception {
        writers = new TwoWriters(POSTGRES.url());
    }

    @AfterEach
    void close() throws Exception {
        writers.close();
    }

    @Test
    void load_whileAnotherReplicaChangesTheProfile_waitsForItsCommitAndReadsItsChange() throws Exception {
        JourneyStore one = new JourneyStore(0, true);
        JourneyStore two = new JourneyStore(0, true);
        JourneyContext viewed = engine.onEvent(JourneyContext.empty("p1"), event(1, new ProductView("ks_1", "SKU-1",
                "running-shoes", 12_999, "EUR"))).state();
        CloudEvent cartAdd = event(2, new CartAdd("ks_1", "SKU-1", "running-shoes", 1, 12_999, "EUR"));
        JourneyContext added = engine.onEvent(viewed, cartAdd).state();
        writers.first.write(c -> {
            one.save("p1", viewed, AT);
            one.flush(c);
            return null;
        }).await(10, TimeUnit.SECONDS);

        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Void> changing = writers.first.write(c -> {
            one.save("p1", engine.onEvent(one.load(c, "p1"), cartAdd).state(), AT);
            one.flush(c);
            changed.countDown();
            TwoWriters.holdUntil(commit);
            return null;
        });
        assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();
        Future<JourneyContext> reading = writers.second.write(c -> two.load(c, "p1"));
        // Without the lock the read finishes at once with the committed (stale) context and this wait ends too.
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.isComplete() || writers.secondWaitsForALock());
        commit.countDown();
        changing.await(10, TimeUnit.SECONDS);

        assertThat(reading.await(10, TimeUnit.SECONDS)).isEqualTo(added);
    }

    private CloudEvent event(long sequence, Payload data) {
        return CloudEvent.of(ids.next(), Source.device("store-1", "kiosk-1"), AT.plusSeconds(sequence), sequence,
                data);
    }
}
