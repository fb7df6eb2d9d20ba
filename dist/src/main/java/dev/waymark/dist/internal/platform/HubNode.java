package dev.waymark.dist.internal.platform;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One store's hub: a child JVM running {@code waymark hub}, on ports that stay the same across restarts. */
public final class HubNode {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final ChildJvm jvm;
    private final String store;
    private final String deviceId;
    private final int listenPort;
    private final URI status;
    private final Path dataDir;
    private final Optional<LinkSwitch> upstreamLink;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HubNode(ChildJvm jvm, String store, String deviceId, int listenPort, int statusPort, Path dataDir,
            Optional<LinkSwitch> upstreamLink) {
        this.jvm = jvm;
        this.store = store;
        this.deviceId = deviceId;
        this.listenPort = listenPort;
        this.status = URI.create("http://127.0.0.1:" + statusPort + "/v1/status");
        this.dataDir = dataDir;
        this.upstreamLink = upstreamLink;
    }

    /** Starts the process. */
    void launch() throws IOException {
        jvm.start();
    }

    /** Waits until the hub's status says its link to the cloud is up. */
    void awaitUp() throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (!"up".equals(statusNow().getString("link"))) {
            jvm.checkAlive();
            if (Instant.now().isAfter(limit)) {
                throw new IOException("the hub of " + store + " did not reach the cloud within "
                        + START_LIMIT.toSeconds() + " s; last lines of " + jvm.log() + ":\n"
                        + ChildJvm.tail(jvm.log(), 15));
            }
            Thread.sleep(200);
        }
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** Starts the hub again on the same files and ports. */
    public void restart() throws IOException, InterruptedException {
        launch();
        awaitUp();
    }

    /** The hub's {@code GET /v1/status} now, or an empty object when it does not answer. */
    public JsonObject statusNow() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? new JsonObject(answer.body()) : new JsonObject();
        } catch (IOException e) {
            return new JsonObject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JsonObject();
        }
    }

    public String store() {
        return store;
    }

    /** The hub's device id (its certificate's). */
    public String deviceId() {
        return deviceId;
    }

    /** Where kiosks connect: {@code ssl://127.0.0.1:port}. */
    public String mqttUrl() {
        return "ssl://127.0.0.1:" + listenPort;
    }

    public URI status() {
        return status;
    }

    public ProcessHandle process() {
        return jvm.handle();
    }

    public Path log() {
        return jvm.log();
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The switch on this store's link to the cloud, to cut it and restore it; throws IllegalStateException when the
     * platform was planned without ({@link PlatformPlan#withLinkSwitches}).
     */
    public LinkSwitch upstreamLink() {
        return upstreamLink.orElseThrow(() -> new IllegalStateException(
                "no link switch for " + store + ": plan the platform withLinkSwitches(true)"));
    }

    ChildJvm jvm() {
        return jvm;
    }
}
