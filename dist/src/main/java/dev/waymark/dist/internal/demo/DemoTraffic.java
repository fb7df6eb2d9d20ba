package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.platform.CloudApi;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's shoppers: the kiosk simulator on every agent, the web simulator on the cloud's collector for some of
 * the same customers, and a status line every few seconds with the cloud's decisions and uplift.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final long SEED = 20261130L;
    private static final int CUSTOMERS = 400;
    /**
     * 20 times faster than the OTTO shoppers, and a kiosk left alone for 70 s after a shopper walked away: the
     * cloud's cart-abandonment timer runs on real time (one minute in the demo catalog), and the next shopper's
     * session start would end the session it watches.
     */
    private static final KioskSimulator.Settings KIOSK_PACE = KioskSimulator.Settings.defaults().withCompression(20)
            .withPauses(Duration.ofSeconds(2), Duration.ofSeconds(70));

    private final KioskSimulator kiosks;
    private final WebSimulator web;
    private final CloudApi cloud;
    private final String readKey;
    private final PrintWriter out;
    private final Instant started = Instant.now();
    private final ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-status");
        thread.setDaemon(true);
        return thread;
    });

    private DemoTraffic(Vertx vertx, Platform platform, PrintWriter out) {
        ShopperShapes shapes = ShopperShapes.load();
        Customers customers = Customers.generate(CUSTOMERS, SEED);
        this.kiosks = new KioskSimulator(vertx, simulated(platform).stream().map(KioskNode::captureApi).toList(),
                shapes, customers, KIOSK_PACE.withSeed(SEED));
        this.web = new WebSimulator(vertx, platform.cloud().api(), platform.cloud().writeKey(), shapes, customers,
                WebSimulator.Settings.defaults().withSeed(SEED + 1));
        this.cloud = platform.cloud().client();
        this.readKey = platform.cloud().secretKey();
        this.out = out;
    }

    /** The kiosk kept free for a person, when there are others for the simulated shoppers. */
    public static Optional<KioskNode> keptFree(Platform platform) {
        return platform.kiosks().size() > 1 ? Optional.of(platform.kiosks().get(0)) : Optional.empty();
    }

    private static List<KioskNode> simulated(Platform platform) {
        List<KioskNode> all = platform.kiosks();
        return keptFree(platform).isPresent() ? all.subList(1, all.size()) : all;
    }

    /** Starts both simulators and prints a status line every {@code every}. */
    public static DemoTraffic start(Vertx vertx, Platform platform, PrintWriter out, Duration every)
            throws InterruptedException {
        DemoTraffic traffic = new DemoTraffic(vertx, platform, out);
        await(Future.all(traffic.kiosks.start(), traffic.web.start()));
        traffic.status.scheduleWithFixedDelay(traffic::printStatus, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return traffic;
    }

    /** The status line now, with the cloud's figures when it answers. */
    public String statusLine() {
        DemoStats stats = DemoStats.of(kiosks.counts(), web.counts());
        try {
            CloudApi.Answer answer = cloud.get("/v1/kpis", readKey);
            if (answer.status() == 200) {
                JsonObject overall = answer.json().getJsonObject("overall", new JsonObject());
                stats = stats.withDecisions(arm(overall, "treated") + arm(overall, "control"))
                        .withUplift(uplift(overall.getJsonObject("uplift", new JsonObject())));
            }
        } catch (IOException e) {
            stats = stats.withUplift("(cloud not answering)");
        }
        return stats.summaryLine(Duration.between(started, Instant.now()));
    }

    private void printStatus() {
        out.println("  " + statusLine());
        out.flush();
    }

    private static long arm(JsonObject overall, String name) {
        return overall.getJsonObject(name, new JsonObject()).getLong("n", 0L);
    }

    private static String uplift(JsonObject uplift) {
        Double value = uplift.getDouble("value");
        JsonArray ci = uplift.getJsonArray("ci95");
        if (value == null) {
            return "n/a (no control decisions yet)";
        }
        String point = String.format(Locale.ROOT, "%+.1f pp", value * 100);
        return ci == null ? point + " (CI after 30 decisions per arm)"
                : String.format(Locale.ROOT, "%s [%+.1f, %+.1f]", point, ci.getDouble(0) * 100,
                        ci.getDouble(1) * 100);
    }

    /** Stops the status line and both simulators. */
    @Override
    public void close() throws InterruptedException {
        status.shutdownNow();
        await(Future.join(kiosks.stop(), web.stop()));
    }

    private static void await(Future<?> future) throws InterruptedException {
        try {
            future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the simulators did not start or stop: " + e.getMessage(), e);
        }
    }
}
