package dev.waymark.dist.internal.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
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
 * touch timeout, for the touches still open.
 */
final class LoadDriver implements AutoCloseable {

    private static final long EXPIRY_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final WebSocketClient client;
    private final List<KioskLoad> kiosks;

    private LoadDriver(WebSocketClient client, List<KioskLoad> kiosks) {
        this.client = client;
        this.kiosks = kiosks;
    }

    /** Connects one screen to each capture API ({@code http://127.0.0.1:port}); blocks until all are connected. */
    static LoadDriver connect(Vertx vertx, List<URI> captureApis, Duration touchTimeout) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(
                Math.max(captureApis.size(), 1)));
        Measurement none = new Measurement();
        List<Future<KioskLoad>> connecting = new ArrayList<>();
        for (URI api : captureApis) {
            connecting.add(KioskLoad.connect(client, api, System::nanoTime, touchTimeout.toNanos(), none));
        }
        Future.all(connecting).await(30, TimeUnit.SECONDS);
        return new LoadDriver(client, connecting.stream().map(Future::result).toList());
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
        drain();
        return measurement;
    }

    // Every waiting touch is sent once the one before it is answered or times out, so this ends.
    private void drain() {
        while (kiosks.stream().anyMatch(KioskLoad::busy)) {
            LockSupport.parkNanos(EXPIRY_CHECK_NANOS);
            kiosks.forEach(KioskLoad::expire);
        }
    }

    /** Closes the screens. */
    @Override
    public void close() throws TimeoutException {
        Future.join(kiosks.stream().map(KioskLoad::close).toList()).transform(done -> client.close())
                .await(10, TimeUnit.SECONDS);
    }
}
