package dev.waymark.dist.internal.console;

import dev.waymark.console.ConsoleServer;
import dev.waymark.console.ConsoleSettings;
import dev.waymark.dist.Waymark.ExitCodes;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code waymark console --cloud URL}: serves the web console and proxies its API calls to that cloud until the
 * process is stopped. docs/console.md.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {
            "Run the web console for store managers, marketing, field techs and admins. It serves its pages and",
            "passes /v1/* to the cloud's API (and /provisioning/v1/* to its enrollment service), so sign-in, roles",
            "and store scopes are the cloud's own."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the console ran and was stopped",
            "1:the console could not start (the message says why)",
            "2:an option cannot be used (the message names it)"
        })
public final class ConsoleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cloud", required = true, paramLabel = "URL",
            description = "the cloud API's base URL, e.g. http://127.0.0.1:8080")
    private String cloud;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090", description = "port (default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--provisioning", paramLabel = "URL",
            description = "the cloud's enrollment service, e.g. https://127.0.0.1:8443; enables the Devices page")
    private String provisioning;

    @Option(names = "--provisioning-ca", paramLabel = "SHA256",
            description = "the device CA fingerprint the cloud prints; the enrollment service must chain to it")
    private String provisioningCa;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ConsoleSettings settings;
        try {
            settings = ConsoleSettings.of(URI.create(cloud)).listeningOn(host, port);
            if (provisioning != null || provisioningCa != null) {
                if (provisioning == null || provisioningCa == null) {
                    throw new IllegalArgumentException("--provisioning and --provisioning-ca go together");
                }
                settings = settings.withProvisioning(URI.create(provisioning), provisioningCa);
            }
        } catch (IllegalArgumentException e) {
            err.println("waymark console: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Vertx vertx = Vertx.vertx();
        ConsoleServer console;
        try {
            console = ConsoleServer.start(vertx, settings).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("waymark console: cannot start: " + e.getMessage());
            vertx.close();
            return ExitCodes.REJECTED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                console.stop().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("waymark console: stopping: " + e.getMessage());
            } finally {
                vertx.close();
                stopped.countDown();
            }
        }, "console-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("waymark console: " + console.url() + " (API: " + settings.cloud()
                + (settings.provisioning().isPresent() ? ", enrollment: " + settings.provisioning().get() : "")
                + "); sign in with a cloud user");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
