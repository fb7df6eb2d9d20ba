package dev.waymark.dist.internal.bench;

import dev.waymark.dist.internal.platform.ChildJvm;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import dev.waymark.dist.internal.platform.PlatformPlan;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One phase of {@code waymark bench e2e}: a platform of its own (cloud and hubs as child JVMs, kiosk agents in this
 * JVM, all with mutual TLS), a warm-up, the measured window, and the platform stopped again.
 */
final class E2ePhase {

    /** The two phases: the limit and the real thing. */
    enum Kind {
        /** {@code gateway.echo}: the same brokers and hub path, the cloud answering every touch at its ingest. */
        ECHO("echo", "wm_gateway_echo_events_total"),
        /** The normal cloud: event log, pipeline, journey, decision, outbox. */
        PIPELINE("pipeline", "wm_pipeline_events_total");

        final String label;
        final String intakeCounter;

        Kind(String label, String intakeCounter) {
            this.label = label;
            this.intakeCounter = intakeCounter;
        }
    }

    /** The load of a phase; {@code profile} records the cloud and hubs with Java Flight Recorder. */
    record Load(int stores, int kiosksPerStore, int rate, double touchShare, Duration warmup, Duration window,
            Duration touchTimeout, boolean profile) {
    }

    /**
     * The bench puts a whole cloud's load through a few hubs, where a store normally sends a few events a second; the
     * bridge's rate limit (2,000 messages/s, meant to drain a backlog after an outage without flooding the store's
     * link) would cap the bench, not the platform, so it is lifted, as the hub benchmark does.
     */
    static final JsonObject HUB_CONFIG = new JsonObject().put("bridge", new JsonObject()
            .put("drainPerSecond", 1_000_000));

    /** Written by each child JVM into its own folder when it stops, with {@code --profile}. */
    static final String RECORDING = "-XX:StartFlightRecording=filename=recording.jfr,settings=profile,"
            + "dumponexit=true";

    private E2ePhase() {
    }

    /** Runs {@code kind} in {@code dataDir}/{kind} (wiped first); progress goes to {@code out}. */
    static PhaseResult run(Kind kind, Path dataDir, Load load, PrintWriter out) throws IOException,
            InterruptedException {
        JsonObject cloudConfig = kind == Kind.ECHO
                ? new JsonObject().put("gateway", new JsonObject().put("echo", true)) : new JsonObject();
        PlatformPlan plan = PlatformPlan.defaults(dataDir.resolve(kind.label)).withStores(load.stores())
                .withKiosksPerStore(load.kiosksPerStore()).withReset(true).withCloudConfig(cloudConfig)
                .withHubConfig(HUB_CONFIG);
        if (load.profile()) {
            ChildJvm.Launch launch = plan.childJvm();
            List<String> options = new ArrayList<>(launch.options());
            options.add(RECORDING);
            plan = plan.withChildJvm(new ChildJvm.Launch(launch.java(), launch.classpath(), options));
        }
        out.printf("%n== %s: starting the platform ==%n", kind.label);
        out.flush();
        try (Platform platform = Platform.start(plan, out)) {
            CloudProbe probe = new CloudProbe(platform.cloud().api(), platform.cloud().secretKey());
            if (kind == Kind.PIPELINE) {
                probe.installBenchCatalog();
                out.println("  catalog: action bench-help (service, kiosk-offer) for the service_request intent, "
                        + "no control group");
            }
            List<URI> screens = platform.kiosks().stream().map(KioskNode::captureApi).toList();
            try (LoadDriver driver = LoadDriver.connect(platform.vertx(), screens, load.touchTimeout())) {
                out.printf(Locale.ROOT, "  warm-up %d s at %,d captures/s ...%n", load.warmup().toSeconds(),
                        load.rate());
                out.flush();
                driver.run(load.warmup(), load.rate(), load.touchShare());
                out.printf(Locale.ROOT, "  measuring %d s at %,d captures/s ...%n", load.window().toSeconds(),
                        load.rate());
                out.flush();
                Snapshot start = Snapshot.take(platform, probe, kind.intakeCounter);
                Snapshot[] end = new Snapshot[1];
                Measurement measured = driver.run(load.window(), load.rate(), load.touchShare(), () -> {
                    try {
                        end[0] = Snapshot.take(platform, probe, kind.intakeCounter);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                });
                return end[0].since(start, kind.label, measured, load.window());
            }
        }
    }
}
