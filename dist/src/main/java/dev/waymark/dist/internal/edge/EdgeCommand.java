package dev.waymark.dist.internal.edge;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.dist.internal.provisioning.EnrollCommand;
import dev.waymark.dist.internal.provisioning.RenewCommand;
import dev.waymark.edge.EdgeAgent;
import dev.waymark.edge.EdgeIdentity;
import dev.waymark.edge.EdgeSettings;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark edge --config edge.json}: runs the kiosk agent until the process is stopped. {@code waymark edge
 * enroll} enrolls the kiosk first. docs/edge.md describes edge.json.
 */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = {
            "Run a kiosk agent: capture API on 127.0.0.1, masking, SQLite outbox, MQTT v5 sync to the store hub,",
            "offline decisions. Enroll first with 'waymark edge enroll'."
        },
        subcommands = {EnrollCommand.Kiosk.class, RenewCommand.Kiosk.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the agent ran and was stopped",
            "2:edge.json, the enrolled files or the keystore password cannot be used (the message names which)"
        })
public final class EdgeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The agent's edge.json.")
    private Path config;

    @Option(names = "--dev", description = "Allow a plaintext tcp:// hub (development only; a production hub "
            + "refuses plaintext).")
    private boolean dev;

    /** Where the keystore password is read from; tests replace it. */
    Function<String, String> environment = System::getenv;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (config == null) {
            err.println("waymark edge: give --config edge.json (see docs/edge.md), or run 'waymark edge enroll'.");
            return ExitCodes.USAGE;
        }
        EdgeSettings settings;
        EdgeIdentity identity;
        try {
            settings = EdgeSettings.read(config);
            settings = dev ? settings.withDev(true) : settings;
            identity = EdgeIdentity.load(settings, environment);
        } catch (IllegalArgumentException e) {
            err.println("waymark edge: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Vertx vertx = Vertx.vertx();
        EdgeAgent agent;
        try {
            agent = EdgeAgent.start(vertx, settings, identity).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("waymark edge: cannot start: " + cause.getMessage());
            vertx.close();
            return ExitCodes.USAGE;
        }
        spec.commandLine().getOut().printf("waymark edge: kiosk %s of store %s listening on 127.0.0.1:%d; hub %s%s%n",
                identity.config().deviceId(), identity.config().storeId(), agent.httpPort(),
                identity.config().hubAddress(), settings.dev() ? " (dev: plaintext allowed)" : "");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
                // Separately: a future composed on the agent's context could not complete once Vert.x is closed.
                vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                err.println("waymark edge: unclean stop: " + e);
                err.flush();
            } finally {
                stopped.countDown();
            }
        }, "edge-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
