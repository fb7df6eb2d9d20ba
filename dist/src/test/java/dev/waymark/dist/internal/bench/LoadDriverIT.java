package dev.waymark.dist.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's load driver against real kiosk agents (dev mode) whose hub is a real broker with a stand-in that
 * answers every service request: touches and their actions are paired on each kiosk's WebSocket.
 */
class LoadDriverIT {

    @TempDir
    static Path folder;
    private static Vertx vertx;
    private static EchoingBroker broker;
    private static DevKiosks kiosks;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        broker = EchoingBroker.start(folder.resolve("broker"));
        kiosks = DevKiosks.start(vertx, folder.resolve("kiosks"), broker.address(), List.of("k1", "k2", "k3"));
        broker.silence("k3");
        await().atMost(Duration.ofSeconds(30)).until(kiosks::connected);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosks != null) {
            kiosks.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void run_touchesAnsweredByTheHub_areEachPairedWithOneActionAndEveryCaptureIsStored() throws Exception {
        try (LoadDriver underTest = LoadDriver.connect(vertx, kiosks.captureApis().subList(0, 2),
                Duration.ofSeconds(10))) {
            underTest.run(Duration.ofMillis(500), 40, 0.25);

            Measurement measured = underTest.run(Duration.ofSeconds(2), 100, 0.2);

            assertThat(measured.touchesDue.sum()).isEqualTo(40);
            assertThat(measured.browsesSent.sum()).isEqualTo(160);
            assertThat(measured.touchesAnswered.sum()).isEqualTo(40);
            assertThat(measured.touchesTimedOut.sum()).isZero();
            assertThat(measured.strayActions.sum()).isZero();
            assertThat(measured.refusals.sum()).isZero();
            assertThat(measured.latencies().getTotalCount()).isEqualTo(40);
            // at least: each touch stores a session start and a service request (and may end the session before)
            await().atMost(Duration.ofSeconds(10)).until(() -> measured.eventsStored.sum() >= 160 + 40 * 2);
        }
    }

    @Test
    void run_aKioskWhoseTouchesAreNeverAnswered_timesThemOutOneAfterAnotherAndTheOtherKioskGoesOn()
            throws Exception {
        try (LoadDriver underTest = LoadDriver.connect(vertx, List.of(kiosks.captureApis().get(0),
                kiosks.captureApis().get(2)), Duration.ofSeconds(2))) {
            underTest.run(Duration.ofMillis(500), 8, 0.25);

            Measurement measured = underTest.run(Duration.ofSeconds(1), 8, 0.5);

            assertThat(measured.touchesDue.sum()).isEqualTo(4);
            assertThat(measured.touchesAnswered.sum()).isEqualTo(2);
            assertThat(measured.touchesTimedOut.sum()).isEqualTo(2);
            assertThat(measured.touchesDeferred.sum()).isPositive();
            assertThat(measured.latencies().getTotalCount()).isEqualTo(2);
        }
    }
}
