package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.store.PostgresSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A merge (a router's) while another replica's pipeline counts an event of the merged profile, on one PostgreSQL
 * store: the survivor ends with every count.
 */
class ProfileEventCountsPostgresIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

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
    void merged_whileAnotherReplicaCountsAnEventOfTheMergedProfile_keepsThatCount() throws Exception {
        writers.first.write(c -> {
            ProfileEventCounts.count(c, "merged", "wm.kiosk.product_view");
            ProfileEventCounts.count(c, "survivor", "wm.kiosk.product_view");
            return null;
        }).await(10, TimeUnit.SECONDS);

        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Void> counting = writers.first.write(c -> {
            ProfileEventCounts.count(c, "merged", "wm.kiosk.product_view");
            counted.countDown();
            TwoWriters.holdUntil(commit);
            return null;
        });
        assertThat(counted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Void> merging = writers.second.write(c -> {
            new ProfileEventCounts().merged(c, "merged", "survivor");
            return null;
        });
        // Without waiting for the count's commit the merge finishes at once and this wait ends too.
        await().atMost(Duration.ofSeconds(10)).until(() -> merging.isComplete() || writers.secondWaitsForALock());
        commit.countDown();
        counting.await(10, TimeUnit.SECONDS);
        merging.await(10, TimeUnit.SECONDS);

        JsonObject survivor = writers.first.read(c -> ProfileEventCounts.section(c, "survivor"))
                .await(10, TimeUnit.SECONDS);
        assertThat(survivor.getLong("total")).isEqualTo(3);
        assertThat(writers.first.read(c -> ProfileEventCounts.section(c, "merged")).await(10, TimeUnit.SECONDS)
                .getLong("total")).isZero();
    }
}
