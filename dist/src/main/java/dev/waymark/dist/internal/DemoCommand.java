package dev.waymark.dist.internal;

import dev.waymark.dist.Waymark.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code waymark demo}: runs the platform on embedded defaults. Until kiosks, hubs and the cloud are started together
 * by this command, the demo walks the shared core — a kiosk session captured, validated and masked exactly as an agent will do
 * it, then intents detected and actions decided from a signed bundle — and names what is missing.
 */
@Command(name = "demo", description = "Run the platform on one machine with embedded defaults.")
public final class DemoCommand implements Callable<Integer> {

    static final String BUILT = "protocol, consent-pii, journey-engine, device-provisioning, edge-runtime, store-hub, "
            + "cloud-core";
    static final String NOT_YET = "web-console, the tiers started together by this command";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Waymark demo " + BuildInfo.version());
        out.println("This build contains: " + BUILT + ". Not yet: " + NOT_YET + ".");
        out.println("This demo runs the shared core as a kiosk agent runs it: a session captured, validated and");
        out.println("masked, then intents detected and next best actions decided offline from a signed decision");
        out.println("bundle. ./waymark cloud, ./waymark hub and ./waymark edge run the real cloud, hub and agent");
        out.println("(docs/cloud.md, docs/hub.md, docs/edge.md).");
        out.println();
        out.println("1. Capture and mask (the pseudonymization key is a throw-away key made for this run):");
        KioskSessionWalkthrough.Result result = new KioskSessionWalkthrough(out).run();
        out.println();
        out.printf("%d events captured, %d personal fields masked, %d free-text fields dropped or scanned.%n",
                result.events(), result.maskedFields(), result.freeTextFields());
        if (!result.leaked().isEmpty()) {
            out.println("FAILED: raw personal data reached the output in " + result.leaked());
            return 1;
        }
        out.println("Checked: none of the raw personal values typed into the kiosk appears in what would leave it.");
        out.println();
        out.println("2. Journeys and next best actions:");
        new JourneyStory(out).run();
        out.println();
        out.println("Next: ./waymark mask --help (the privacy officer's tool); docs/protocol.md, docs/privacy.md,");
        out.println("docs/journeys.md and docs/decisioning.md explain what you just saw.");
        return ExitCodes.OK;
    }
}
