package dev.waymark.dist.e2e;

import dev.waymark.dist.internal.platform.KioskNode;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shoppers at every kiosk at once, one thread per kiosk screen, each walking visit after visit (a loyalty card of its
 * own per visit) until stopped, paced by a shared budget of captures per second. Keeps the ledger of what the
 * kiosks acknowledged.
 */
final class KioskTraffic {

    private static final long TICK_MILLIS = 50;

    private final Queue<ShopperVisit.Acknowledged> ledger = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Semaphore budget = new Semaphore(0);
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService screens;
    private final List<Future<?>> running = new ArrayList<>();

    private KioskTraffic(int kiosks) {
        this.screens = Executors.newFixedThreadPool(kiosks);
    }

    /** Starts a shopper at each kiosk; all of them together capture at most {@code perSecond} events a second. */
    static KioskTraffic start(Vertx vertx, List<KioskNode> kiosks, int perSecond) {
        KioskTraffic traffic = new KioskTraffic(kiosks.size());
        int perTick = Math.max(1, (int) (perSecond * TICK_MILLIS / 1000));
        // Unused permits do not pile up: after a stall (a capture waiting on a slow disk) the pace stays the same.
        traffic.pacer.scheduleAtFixedRate(() -> traffic.budget.release(Math.max(0, perTick
                - traffic.budget.availablePermits())), 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        for (KioskNode kiosk : kiosks) {
            traffic.running.add(traffic.screens.submit(() -> traffic.shop(vertx, kiosk)));
        }
        return traffic;
    }

    /** Visits completed so far, every one of its captures acknowledged; fails when a shopper has failed. */
    int visits() {
        for (Future<?> shopper : running) {
            if (shopper.isDone() && !stopping.get()) {
                try {
                    shopper.get();
                } catch (ExecutionException | InterruptedException e) {
                    throw new AssertionError("a shopper failed: " + e.getCause(), e.getCause());
                }
                throw new AssertionError("a shopper stopped before it was told to");
            }
        }
        return ledger.size();
    }

    /** Lets each shopper finish the visit in progress, then returns the ledger; rethrows a shopper's failure. */
    List<ShopperVisit.Acknowledged> stop() throws InterruptedException, ExecutionException {
        stopping.set(true);
        try {
            for (Future<?> shopper : running) {
                shopper.get(2, TimeUnit.MINUTES);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("a shopper did not finish its visit within 2 minutes", e);
        } finally {
            pacer.shutdownNow();
            screens.shutdownNow();
        }
        return List.copyOf(ledger);
    }

    private Void shop(Vertx vertx, KioskNode kiosk) throws Exception {
        try (KioskSocket screen = KioskSocket.open(vertx, kiosk.captureApi())) {
            for (int visit = 1; !stopping.get(); visit++) {
                String card = "LC-" + kiosk.deviceId() + "-" + visit;
                ledger.add(ShopperVisit.walk(screen, card, ShopperVisit.browsing(2 + visit % 4), budget::acquire));
            }
        }
        return null;
    }
}
