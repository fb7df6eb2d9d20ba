package dev.waymark.dist.internal.cloud;

import dev.waymark.cloud.CloudCore;
import dev.waymark.cloud.CloudSettings;
import dev.waymark.dist.Waymark.ExitCodes;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark cloud [--config cloud.json]}: runs the cloud core until the process is stopped (SIGTERM stops it
 * cleanly). Without a config it runs on embedded defaults in {@code ./waymark-data/cloud}. docs/cloud.md.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = {
            "Run the cloud core: device gateway (embedded HiveMQ CE), web/app collector, identity, journeys,",
            "decisions, consent, KPIs, device enrollment and the HTTP API, on embedded defaults unless cloud.json",
            "says otherwise."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the cloud ran and was stopped",
            "1:the cloud could not start (the message says why)",
            "2:cloud.json cannot be used (the message names the key)"
        })
public final class CloudCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "cloud.json (docs/cloud.md); default: embedded "
            + "defaults in ./waymark-data/cloud.")
    private Path config;

    /** Where secrets are read from; tests replace it. */
    Function<String, String> environment = System::getenv;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CloudSettings settings;
        try {
            settings = config == null ? CloudSettings.defaults(Path.of("waymark-data/cloud").toAbsolutePath())
                    : CloudSettings.load(config);
        } catch (IOException | IllegalArgumentException e) {
            err.println("waymark cloud: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Vertx vertx = Vertx.vertx();
        CloudCore cloud;
        try {
            cloud = CloudCore.start(vertx, settings, environment, Clock.systemUTC()).await(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("waymark cloud: cannot start: " + e.getMessage());
            vertx.close();
            return ExitCodes.REJECTED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cloud.stop().await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("waymark cloud: stopping: " + e.getMessage());
            } finally {
                vertx.close();
                stopped.countDown();
            }
        }, "cloud-shutdown"));
        new CloudBanner(out).print(cloud, settings);
        stopped.await();
        return ExitCodes.OK;
    }
}
