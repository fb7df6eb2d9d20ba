package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.testing.BlockedLoopWatch;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk simulator against real kiosk agents (dev mode, hub unreachable, deciding offline) in this JVM. */
class KioskSimulatorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final KioskSimulator.Settings FAST = KioskSimulator.Settings.defaults().withCompression(300)
            .withPauses(Duration.ofMillis(20), Duration.ZERO).withAnswers(0.5, 0.5).withSeed(11);

    @TempDir
    Path dir;
    private Vertx vertx;
    private BlockedLoopWatch blockedLoops;

    @BeforeEach
    void startVertx() {
        blockedLoops = new BlockedLoopWatch();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        blockedLoops.close();
        assertThat(blockedLoops.warnings()).isEmpty();
    }

    @Test
    void shoppersAtTwoKiosks_everyCaptureStored_andShownActionsAnswered() throws Exception {
        KioskCounts counts;
        try (DevKiosk one = DevKiosk.start(vertx, dir.resolve("one"), "kiosk-1");
             DevKiosk two = DevKiosk.start(vertx, dir.resolve("two"), "kiosk-2")) {
            assertThat(one.installHelpBundle()).isTrue();
            assertThat(two.installHelpBundle()).isTrue();
            KioskSimulator underTest = new KioskSimulator(vertx, List.of(one.captureApi(), two.captureApi()),
                    ShopperShapes.load(), Customers.generate(20, 1), FAST);

            underTest.start().await(10, TimeUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> underTest.counts().shoppers() >= 30
                    && underTest.counts().accepted() + underTest.counts().dismissed() >= 3);
            underTest.stop().await(5, TimeUnit.SECONDS);
            counts = underTest.counts();
        }

        assertThat(counts.refused()).as(counts.lastRefusal()).isZero();
        assertThat(counts.unanswered()).isZero();
        assertThat(counts.reconnects()).isZero();
        // At most one capture per kiosk was in flight when the simulator stopped.
        assertThat(counts.stored()).isBetween(counts.capturesSent() - 2, counts.capturesSent());
        assertThat(counts.actionsByKind()).containsOnlyKeys("help");
        long outcomes = rows("wm.outcome.accept") + rows("wm.outcome.dismiss");
        assertThat(outcomes).isBetween(counts.accepted() + counts.dismissed() - 2,
                counts.accepted() + counts.dismissed());
        assertThat(rows("wm.kiosk.loyalty_scan")).isPositive();
        assertThat(rows("wm.kiosk.product_view")).isPositive();
    }

    @Test
    void agentRestart_theSimulatorReconnects_andShoppingGoesOn() throws Exception {
        try (DevKiosk kiosk = DevKiosk.start(vertx, dir.resolve("k"), "kiosk-3")) {
            KioskSimulator underTest = new KioskSimulator(vertx, List.of(kiosk.captureApi()), ShopperShapes.load(),
                    Customers.generate(5, 2), FAST);
            underTest.start().await(10, TimeUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> underTest.counts().stored() >= 20);

            kiosk.restart();
            long storedBefore = underTest.counts().stored();
            await().atMost(PATIENCE).until(() -> underTest.counts().reconnects() >= 1
                    && underTest.counts().stored() >= storedBefore + 20);
            underTest.stop().await(5, TimeUnit.SECONDS);

            assertThat(underTest.counts().refused()).as(underTest.counts().lastRefusal()).isZero();
        }
    }

    private long rows(String type) throws Exception {
        long total = 0;
        for (String kiosk : List.of("one", "two")) {
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(kiosk).resolve("edge.db"));
                 ResultSet count = db.createStatement()
                         .executeQuery("SELECT COUNT(*) FROM outbox WHERE type = '" + type + "'")) {
                total += count.getLong(1);
            }
        }
        return total;
    }
}
