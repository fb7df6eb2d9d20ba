package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.internal.store.PostgresSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private Vertx vertx;
    private JdbcStore first;
    private JdbcStore second;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        first = JdbcStore.open(vertx, POSTGRES.url(), 1);
        second = JdbcStore.open(vertx, POSTGRES.url(), 1);
    }

    @AfterEach
    void close() throws Exception {
        first.close();
        second.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void merged_whileAnotherReplicaCountsAnEventOfTheMergedProfile_keepsThatCount() throws Exception {
        first.write(c -> {
            ProfileEventCounts.count(c, "merged", "wm.kiosk.product_view");
            ProfileEventCounts.count(c, "survivor", "wm.kiosk.product_view");
            return null;
        }).await(10, TimeUnit.SECONDS);
        int mergingBackend = second.write(ProfileEventCountsPostgresIT::backendPid).await(10, TimeUnit.SECONDS);

        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Void> counting = first.write(c -> {
            ProfileEventCounts.count(c, "merged", "wm.kiosk.product_view");
            counted.countDown();
            awaitQuietly(commit);
            return null;
        });
        assertThat(counted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Void> merging = second.write(c -> {
            new ProfileEventCounts().merged(c, "merged", "survivor");
            return null;
        });
        // Without waiting for the count's commit the merge finishes at once and this wait ends too.
        await().atMost(Duration.ofSeconds(10)).until(() -> merging.isComplete() || waitsForALock(mergingBackend));
        commit.countDown();
        counting.await(10, TimeUnit.SECONDS);
        merging.await(10, TimeUnit.SECONDS);

        JsonObject survivor = first.read(c -> ProfileEventCounts.section(c, "survivor")).await(10, TimeUnit.SECONDS);
        assertThat(survivor.getLong("total")).isEqualTo(3);
        assertThat(first.read(c -> ProfileEventCounts.section(c, "merged")).await(10, TimeUnit.SECONDS)
                .getLong("total")).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean waitsForALock(int pid) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES.url());
             PreparedStatement select = c.prepareStatement(
                     "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")) {
            select.setInt(1, pid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && "Lock".equals(rs.getString(1));
            }
        }
    }
}
