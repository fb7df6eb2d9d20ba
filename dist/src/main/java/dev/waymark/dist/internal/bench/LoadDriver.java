package dev.waymark.dist.internal.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives kiosk agents through their WebSocket capture API at a fixed aggregate rate, on the calling thread: each
 * capture is sent at its due time from the {@link CaptureSchedule} (later only if this thread was late, and then its
 * latency still counts from the due time), never in a burst to catch up. After the schedule it waits, at most the
 * touch timeout, for the touches still open or waiting; those left then count as timed out.
 */
final class LoadDriver implements AutoCloseable {

    private static final long EXPIRY_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final WebSocketClient client;
    private final List<KioskLoad> kiosks;
    private final long timeoutNanos;

    private LoadDriver(WebSocketClient client, List<KioskLoad> kiosks, long timeoutNanos) {
        this.client = client;
        this.kiosks = kiosks;
        this.timeoutNanos = timeoutNanos;
    }

    /** Connects one screen to each capture API ({@code http://127.0.0.1:port}); blocks until all are connected. */
    static LoadDriver connect(Vertx vertx, List<URI> captureApis, Duration touchTimeout) throws IOException {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(
                Math.max(captureApis.size(), 1)));
        Measurement none = new Measurement();
        List<Future<KioskLoad>> connecting = new ArrayList<>();
        for (URI api : captureApis) {
            connecting.add(KioskLoad.connect(client, api, System::nanoTime, touchTimeout.toNanos(), none));
        }
        try {
            Future.all(connecting).await(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the kiosks' WebSockets did not connect within 30 s", e);
        } catch (RuntimeException e) {
            throw new IOException("a kiosk's WebSocket did not connect: " + e.getMessage(), e);
        }
        return new LoadDriver(client, connecting.stream().map(Future::result).toList(), touchTimeout.toNanos());
    }

    /** The kiosks driven. */
    int kiosks() {
        return kiosks.size();
    }

    /**
     * Sends {@code rate} captures a second for {@code duration}, a {@code touchShare} of them touches, then waits for
     * the open touches; blocks. Everything sent and received meanwhile is counted in the measurement returned.
     */
    Measurement run(Duration duration, int rate, double touchShare) {
        return run(duration, rate, touchShare, () -> { });
    }

    /** As {@link #run(Duration, int, double)}, calling {@code scheduleEnded} after the last capture was sent. */
    Measurement run(Duration duration, int rate, double touchShare, Runnable scheduleEnded) {
        Measurement measurement = new Measurement();
        kiosks.forEach(kiosk -> kiosk.countIn(measurement));
        CaptureSchedule schedule = new CaptureSchedule(kiosks.size(), rate, touchShare);
        long total = schedule.captures(duration);
        long start = System.nanoTime();
        long nextExpiryCheck = start + EXPIRY_CHECK_NANOS;
        for (long i = 0; i < total; i++) {
            CaptureSchedule.Slot slot = schedule.slot(i);
            long due = start + slot.dueNanos();
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            KioskLoad kiosk = kiosks.get(slot.kiosk());
            if (slot.touch()) {
                kiosk.touch(due, measurement);
            } else {
                kiosk.browse(measurement);
            }
            if (System.nanoTime() >= nextExpiryCheck) {
                kiosks.forEach(KioskLoad::expire);
                nextExpiryCheck = System.nanoTime() + EXPIRY_CHECK_NANOS;
            }
        }
        scheduleEnded.run();
        drain();
        return measurement;
    }

    // Waits at most one touch timeout; what is still open or waiting then counts as timed out.
    private void drain() {
        long deadline = System.nanoTime() + timeoutNanos;
        while (kiosks.stream().anyMatch(KioskLoad::busy) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(EXPIRY_CHECK_NANOS);
            kiosks.forEach(KioskLoad::expire);
        }
        kiosks.forEach(KioskLoad::abandon);
    }

    /** Closes the screens, waiting at most 10 s. */
    @Override
    public void close() {
        try {
            Future.join(kiosks.stream().map(KioskLoad::close).toList()).transform(done -> client.close())
                    .await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // the agents drop their side of the sockets when they stop
        }
    }
}
