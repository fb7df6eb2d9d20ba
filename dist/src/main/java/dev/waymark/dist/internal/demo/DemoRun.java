package dev.waymark.dist.internal.demo;

import dev.waymark.console.ConsoleServer;
import dev.waymark.console.ConsoleSettings;
import dev.waymark.dist.internal.platform.FreePorts;
import dev.waymark.dist.internal.platform.Platform;
import dev.waymark.dist.internal.platform.PlatformPlan;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of {@code waymark demo}: the platform, the demo catalog, the simulated shoppers, the web console (where
 * the kiosk screens' "why" links lead), and what to look at next.
 */
public final class DemoRun {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final Vertx vertx = Vertx.vertx();
    private ConsoleServer console;
    private Platform platform;
    private DemoTraffic traffic;

    public DemoRun(PrintWriter out) {
        this.out = out;
    }

    /** Brings everything up; IOException names the role that could not start. */
    public void start(PlatformPlan plan) throws IOException, InterruptedException {
        // The kiosks learn the console's address before it can start (it needs the cloud's CA fingerprint).
        int consolePort = FreePorts.next();
        JsonObject edge = new JsonObject().put("explainUrl", "http://127.0.0.1:" + consolePort
                + "/decisions.html?id={decisionId}").mergeIn(plan.edgeConfig(), true);
        platform = Platform.start(plan.withEdgeConfig(edge), out);
        console = await(ConsoleServer.start(vertx, ConsoleSettings.of(platform.cloud().api())
                .listeningOn("127.0.0.1", consolePort).withProvisioning(
                        URI.create(platform.cloud().provisioningUrl().replace("/provisioning/v1", "")),
                        platform.cloud().caFingerprint())));
        long version = DemoCatalog.install(platform.cloud().client(), platform.cloud().secretKey());
        out.printf("  demo catalog   version %d (the stories: docs/demo.md)%n", version);
        traffic = DemoTraffic.start(vertx, platform, out, STATUS_EVERY);
        printWhereToLook(plan);
    }

    /** Stops the shoppers, then every role; safe after a partial start. */
    public void stop() throws InterruptedException {
        if (traffic != null) {
            traffic.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (console != null) {
            await(console.stop().recover(e -> Future.succeededFuture()));
        }
        await(vertx.close().recover(e -> Future.succeededFuture()));
    }

    private void printWhereToLook(PlatformPlan plan) {
        String api = platform.cloud().api().toString();
        out.println("Where to look:");
        DemoTraffic.keptFree(platform).ifPresent(kiosk -> out.printf("  your kiosk       %s/  (no simulated "
                + "shopper uses it: say Yes to offers, add shoes to the cart and wait a minute; ask for help; scan a "
                + "card)%n", kiosk.captureApi()));
        out.printf("  API              %s/v1/  (docs/api.md); a secret key with every scope is 'secretKey' in %s%n",
                api, plan.dataDir().resolve("platform.json"));
        out.printf("  KPIs             curl -H \"Authorization: Bearer $KEY\" %s/v1/kpis%n", api);
        out.printf("  live decisions   curl -N -H \"Authorization: Bearer $KEY\" %s/v1/live%n", api);
        out.printf("  stores, devices  curl -H \"Authorization: Bearer $KEY\" %s/v1/stores%n", api);
        out.printf("  web console      %s  (docs/console.md): sign in as user admin, password 'adminPassword' in "
                + "%s%n", console.url(), plan.dataDir().resolve("platform.json"));
        out.println("Every 5 s: events/s | decisions | actions shown on kiosks | acceptance | uplift (treated vs "
                + "control, 95% CI)");
        out.flush();
    }

    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
