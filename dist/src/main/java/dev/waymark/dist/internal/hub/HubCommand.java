package dev.waymark.dist.internal.hub;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.dist.internal.provisioning.EnrollCommand;
import dev.waymark.dist.internal.provisioning.RenewCommand;
import dev.waymark.hub.HubSettings;
import dev.waymark.hub.StoreHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark hub --config hub.json}: runs the store hub until the process is stopped (SIGTERM closes it
 * cleanly). {@code waymark hub enroll} provisions the hub first. docs/hub.md describes hub.json.
 */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = {
            "Run a store hub: the kiosks' MQTT broker (mutual TLS, per-device topics), its SQLite outbox and the",
            "bridge to the cloud. Enroll first with 'waymark hub enroll'."
        },
        subcommands = {EnrollCommand.Hub.class, RenewCommand.Hub.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the hub ran and was stopped",
            "1:the hub could not start (the message says why)",
            "2:hub.json or the keystore password cannot be used (the message names which)"
        })
public final class HubCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The hub's hub.json.")
    private Path config;

    /** Where the keystore password is read from; tests replace it. */
    Function<String, String> environment = System::getenv;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (config == null) {
            err.println("waymark hub: give --config hub.json (see docs/hub.md), or run 'waymark hub enroll'.");
            return ExitCodes.USAGE;
        }
        String password = environment.apply(HubSettings.PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            err.println("waymark hub: set " + HubSettings.PASSWORD_VARIABLE + " to the keystore password.");
            return ExitCodes.USAGE;
        }
        HubSettings settings;
        try {
            settings = HubSettings.load(config);
        } catch (IOException | IllegalArgumentException e) {
            err.println("waymark hub: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        StoreHub hub;
        try {
            hub = StoreHub.start(settings, password.toCharArray());
        } catch (IOException e) {
            err.println("waymark hub: " + e.getMessage());
            return ExitCodes.REJECTED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "hub-shutdown"));
        out.printf("Store hub for %s: MQTT over TLS (device certificates) on %s:%d; status on http://%s:%d/v1/status;"
                + " upstream %s%n", settings.storeId(), settings.listenHost(), hub.mqttPort(), settings.statusHost(),
                hub.statusPort(), settings.upstreamUrl());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
