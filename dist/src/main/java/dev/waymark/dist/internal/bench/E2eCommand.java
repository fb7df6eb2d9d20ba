package dev.waymark.dist.internal.bench;

import dev.waymark.dist.Waymark.ExitCodes;
import dev.waymark.dist.internal.BuildInfo;
import dev.waymark.dist.internal.DurationOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark bench e2e}: touch-to-action latency through kiosk, hub, cloud, hub and kiosk at a fixed aggregate
 * rate, first against the echo (the same brokers and hub path, the cloud answering at its ingest: the limit), then
 * against the real pipeline, each on a platform of its own; prints both and their ratio.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {
            "Touch-to-action latency end to end (kiosk -> hub -> cloud -> hub -> kiosk) at a fixed rate, beside the",
            "limit: the same round trip with the cloud echoing at its ingest (gateway.echo). Starts the platform",
            "twice (echo, then pipeline) in --data-dir."
        })
public final class E2eCommand implements Callable<Integer> {

    /** The target: p99 at most 150 ms at 2,000 events/s aggregate on this 2-core machine. */
    static final long TARGET_P99_MILLIS = 150;
    static final int TARGET_EVENTS_PER_SECOND = 2000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--kiosks", defaultValue = "20", description = "Kiosks in all (default: ${DEFAULT-VALUE}).")
    private int kiosks;

    @Option(names = "--stores", defaultValue = "1", description = "Stores, one hub each; the kiosks are shared "
            + "evenly (default: ${DEFAULT-VALUE}).")
    private int stores;

    @Option(names = "--rate", defaultValue = "2000", description = "Captures a second, all kiosks together "
            + "(default: ${DEFAULT-VALUE}).")
    private int rate;

    // With one touch outstanding per kiosk, a kiosk's touches must be further apart than a round trip or they queue:
    // 2% of 2,000 captures/s over 20 kiosks is one touch per kiosk every 500 ms.
    @Option(names = "--touch-share", defaultValue = "0.02", description = "Share of the captures that are touches "
            + "expecting an action; the rest are product views (default: ${DEFAULT-VALUE}).")
    private double touchShare;

    @Option(names = "--duration", defaultValue = "60s", description = "Measured time per phase (default: "
            + "${DEFAULT-VALUE}).")
    private String duration;

    // On 2 shared cores the JIT compilers of three JVMs were still busy after 20 s: the echo's p50 at 200 captures/s
    // was 192 ms after 20 s of warm-up and 17 ms after 120 s.
    @Option(names = "--warmup", defaultValue = "120s", description = "Unmeasured load before each phase, so the "
            + "JVMs' compilers are done (default: ${DEFAULT-VALUE}).")
    private String warmup;

    @Option(names = "--touch-timeout", defaultValue = "10s", description = "A touch without an action after this "
            + "long is counted as timed out (default: ${DEFAULT-VALUE}).")
    private String touchTimeout;

    @Option(names = "--phases", split = ",", defaultValue = "echo,pipeline", description = "Which phases to run, "
            + "in order: echo, pipeline (default: ${DEFAULT-VALUE}); the ratio needs both.")
    private List<String> phases;

    @Option(names = "--profile", description = "Record the cloud and the hubs with Java Flight Recorder "
            + "(recording.jfr in each one's folder under --data-dir).")
    private boolean profile;

    @Option(names = "--data-dir", defaultValue = "waymark-data/bench", description = "Where both platforms live; "
            + "wiped at each start (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        E2ePhase.Load load;
        try {
            load = load();
        } catch (IllegalArgumentException e) {
            err.println("waymark bench e2e: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        header(out, load);
        List<PhaseResult> results = new ArrayList<>();
        for (E2ePhase.Kind kind : kinds()) {
            try {
                results.add(E2ePhase.run(kind, dataDir, load, out));
            } catch (IOException | RuntimeException e) {
                err.println("waymark bench e2e: the " + kind.label + " phase failed: " + e.getMessage());
                return ExitCodes.REJECTED;
            }
        }
        out.println();
        results.forEach(result -> out.print(BenchReport.phase(result)));
        if (results.size() == 2) {
            out.println();
            out.print(BenchReport.comparison(results.get(0), results.get(1), TARGET_P99_MILLIS,
                    TARGET_EVENTS_PER_SECOND));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<E2ePhase.Kind> kinds() {
        List<E2ePhase.Kind> kinds = new ArrayList<>();
        for (E2ePhase.Kind kind : E2ePhase.Kind.values()) {
            if (phases.contains(kind.label)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private E2ePhase.Load load() {
        if (stores < 1 || kiosks < stores || kiosks % stores != 0) {
            throw new IllegalArgumentException("--kiosks: must be a multiple of --stores (" + stores + "), was "
                    + kiosks);
        }
        for (String phase : phases) {
            if (!phase.equals("echo") && !phase.equals("pipeline")) {
                throw new IllegalArgumentException("--phases: echo and/or pipeline, was '" + phase + "'");
            }
        }
        if (rate < 1) {
            throw new IllegalArgumentException("--rate: must be at least 1, was " + rate);
        }
        if (!(touchShare > 0 && touchShare <= 1)) {
            throw new IllegalArgumentException("--touch-share: must be more than 0 and at most 1, was " + touchShare);
        }
        return new E2ePhase.Load(stores, kiosks / stores, rate, touchShare, DurationOption.parse("--warmup", warmup),
                DurationOption.parse("--duration", duration), DurationOption.parse("--touch-timeout", touchTimeout),
                profile);
    }

    private void header(PrintWriter out, E2ePhase.Load load) {
        out.printf(Locale.ROOT, "waymark bench e2e %s: %d kiosks in %d store(s), %,d captures/s (%.0f%% touches), "
                        + "warm-up %d s and %d s measured per phase%n", BuildInfo.version(), kiosks, stores, rate,
                touchShare * 100, load.warmup().toSeconds(), load.window().toSeconds());
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s at start%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), MachineLoad.now());
        out.println("A touch is a new kiosk session and a service request in one WebSocket message; its latency runs");
        out.println("from its due time to the action on that kiosk's WebSocket (coordinated omission corrected). At");
        out.println("most one touch is outstanding per kiosk: the next action on its socket answers it, and a touch");
        out.println("due meanwhile waits, its wait counted. Browse captures are product views. The hubs' bridge rate");
        out.println("limit (bridge.drainPerSecond, 2,000 messages/s) is lifted: one hub carries a whole cloud's load.");
        out.flush();
    }

}
