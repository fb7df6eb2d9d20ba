package dev.waymark.cloud.testing;

import dev.waymark.cloud.CloudCore;
import dev.waymark.cloud.CloudSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole cloud core on embedded defaults in a temp dir, on ports chosen once so that a restart comes back where
 * hubs and clients expect it.
 */
public final class RunningCloud implements AutoCloseable {

    /** The admin password the cloud is started with. */
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

    private final BlockedLoopWatch blockedLoops = new BlockedLoopWatch();
    private final Vertx vertx = Vertx.vertx();
    private final CloudSettings settings;
    private CloudCore cloud;

    private RunningCloud(CloudSettings settings) {
        this.settings = settings;
    }

    /** Starts a cloud in {@code dir}. */
    public static RunningCloud start(Path dir) throws Exception {
        return start(dir, new JsonObject());
    }

    /** Starts a cloud in {@code dir} with {@code sections} (backends such as {@code store} and {@code eventLog}, or
     * {@code crm}) added to its settings. */
    public static RunningCloud start(Path dir, JsonObject sections) throws Exception {
        JsonObject config = new JsonObject().put("dataDir", dir.toString())
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", freePort()))
                .put("provisioning", new JsonObject().put("port", freePort()))
                .put("gateway", new JsonObject().put("port", freePort()))
                .put("accounts", new JsonObject().put("secureCookie", false));
        sections.forEach(section -> config.put(section.getKey(), section.getValue()));
        RunningCloud running = new RunningCloud(CloudSettings.from(config, dir));
        running.restart();
        return running;
    }

    /** Starts it (again) on the same data dir and ports. */
    public void restart() throws Exception {
        Map<String, String> env = Map.of("WM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        cloud = CloudCore.start(vertx, settings, env::get, Clock.systemUTC()).await(120, TimeUnit.SECONDS);
    }

    /** Stops it, keeping the data dir. */
    public void stop() throws Exception {
        cloud.stop().await(60, TimeUnit.SECONDS);
    }

    public CloudCore cloud() {
        return cloud;
    }

    public CloudSettings settings() {
        return settings;
    }

    /** The gateway's URL for hubs. */
    public String gatewayUrl() {
        return "ssl://localhost:" + cloud.gatewayPort().orElseThrow();
    }

    /** Stops it and fails when Vert.x reported a blocked event loop while it ran. */
    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
            blockedLoops.close();
        }
        blockedLoops.requireNone();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
