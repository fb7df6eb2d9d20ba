package dev.waymark.dist.e2e;

import dev.waymark.dist.internal.platform.ChildJvm;
import dev.waymark.dist.internal.platform.Platform;
import dev.waymark.dist.internal.platform.PlatformPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Starts the platform for an end-to-end test: the cloud and the hubs as child JVMs of the packaged
 * {@code target/waymark.jar} (what a user runs), the kiosk agents in the test JVM.
 */
public final class E2ePlatform {

    private static final Path JAR = Path.of("target", "waymark.jar").toAbsolutePath();

    private E2ePlatform() {
    }

    /** One store with {@code kiosks} kiosks in {@code dir}, changed by {@code plan}. */
    public static Platform start(Path dir, int kiosks, UnaryOperator<PlatformPlan> plan)
            throws IOException, InterruptedException {
        PlatformPlan base = PlatformPlan.defaults(dir).withKiosksPerStore(kiosks)
                .withChildJvm(ChildJvm.Launch.ofThisJvm().withClasspath(JAR.toString()));
        return Platform.start(plan.apply(base), new PrintWriter(System.out, true));
    }
}
