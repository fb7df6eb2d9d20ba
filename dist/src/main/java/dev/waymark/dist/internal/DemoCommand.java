package dev.waymark.dist.internal;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.dist.internal.demo.DemoRun;
import dev.waymark.dist.internal.platform.PlatformPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark demo}: the whole platform on one machine — a cloud core, a hub per store and enrolled kiosk agents
 * — driven by simulated shoppers in stores and on the web, until Ctrl-C. docs/cli.md.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Run the whole platform on one machine: a cloud core, one store hub per store and real kiosk agents,",
            "each enrolled with a token and connected with mutual TLS, driven by simulated shoppers. Ctrl-C stops it."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the demo ran and was stopped",
            "1:a role could not start (the message says which and shows the end of its log)",
            "2:an option cannot be used"
        })
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--stores", defaultValue = "2", description = "Stores, each with one hub (default: ${DEFAULT-VALUE}).")
    private int stores;

    @Option(names = "--kiosks", defaultValue = "5", description = "Kiosks per store (default: ${DEFAULT-VALUE}).")
    private int kiosks;

    @Option(names = "--http-port", defaultValue = "8080", description = "The cloud API's port; 0 picks a free one "
            + "(default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--data-dir", defaultValue = "waymark-data", description = "Where every role keeps its files "
            + "(default: ${DEFAULT-VALUE}); a second run reuses them.")
    private Path dataDir;

    @Option(names = "--reset", description = "Delete the data directory first and start from nothing.")
    private boolean reset;

    @Option(names = "--duration", description = "Stop by itself after this long, e.g. 90s or 10m (default: run "
            + "until Ctrl-C).")
    private String duration;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlatformPlan plan;
        Duration runFor;
        try {
            runFor = duration == null ? null : DurationOption.parse("--duration", duration);
            plan = PlatformPlan.defaults(dataDir).withStores(stores).withKiosksPerStore(kiosks).withHttpPort(httpPort)
                    .withReset(reset);
        } catch (IllegalArgumentException e) {
            err.println("waymark demo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        out.printf("Waymark demo %s: %d store(s) x %d kiosk(s), data in %s%s%n", BuildInfo.version(), stores, kiosks,
                plan.dataDir(), reset ? " (reset)" : "");
        out.flush();
        DemoRun run = new DemoRun(out);
        try {
            run.start(plan);
        } catch (IOException | IllegalStateException e) {
            err.println("waymark demo: cannot start: " + e.getMessage());
            run.stop();
            return ExitCodes.REJECTED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("Stopping ...");
            out.flush();
            try {
                run.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(runFor == null ? "Running. Ctrl-C stops every role." : "Running for " + duration + ".");
        out.flush();
        if (runFor != null && !stopped.await(runFor.toMillis(), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
        }
        stopped.await();
        out.println("Stopped.");
        out.flush();
        return ExitCodes.OK;
    }
}
