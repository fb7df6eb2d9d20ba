package dev.waymark.hub;

import dev.waymark.hub.internal.HubRuntime;
import dev.waymark.hub.internal.StatusVerticle;
import dev.waymark.provisioning.Revocation;
import dev.waymark.provisioning.RevocationFetcher;
import dev.waymark.provisioning.RevocationFollower;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A running store hub: the embedded broker with our extension on a TLS port (device certificates required), the
 * hub outbox, the bridge to the upstream broker and the local status endpoint. One per JVM: the broker's
 * extension services are static (DESIGN.md section 12). Close it to stop everything.
 */
public final class StoreHub implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoreHub.class.getName());

    private final HubRuntime runtime;
    private final Vertx vertx;
    private final int statusPort;

    private StoreHub(HubRuntime runtime, Vertx vertx, int statusPort) {
        this.runtime = runtime;
        this.vertx = vertx;
        this.statusPort = statusPort;
    }

    /**
     * Starts a hub; {@code keystorePassword} opens {@link HubSettings#keystore()}. Throws IOException, with
     * everything stopped again, when the keystore cannot be read or names another store, or the broker, status
     * endpoint or outbox cannot start.
     */
    public static StoreHub start(HubSettings settings, char[] keystorePassword) throws IOException {
        HubRuntime runtime = HubRuntime.start(settings, keystorePassword, Clock.systemUTC());
        Vertx vertx = Vertx.vertx();
        try {
            StatusVerticle status = new StatusVerticle(settings, runtime);
            vertx.deployVerticle(status).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (!settings.provisioningUrl().isEmpty()) {
                RevocationFollower.start(vertx, RevocationFetcher.create(settings.provisioningUrl(),
                        runtime.caFingerprint(), Clock.systemUTC()), runtime.trust(), 0,
                        Duration.ofSeconds(settings.revocationPollSeconds()), runtime::revoke);
            }
            return new StoreHub(runtime, vertx, status.port());
        } catch (Exception e) {
            vertx.close();
            runtime.close();
            throw new IOException("the hub's status endpoint did not start: " + e.getMessage(), e);
        }
    }

    /** The TLS MQTT port kiosks connect to. */
    public int mqttPort() {
        return runtime.mqttPort();
    }

    /** The plain development port; 0 unless {@link HubSettings#devMode()}. */
    public int devPort() {
        return runtime.devPort();
    }

    /** The port of {@code GET /v1/status}. */
    public int statusPort() {
        return statusPort;
    }

    /** What the hub knows now. */
    public HubStatus status() {
        return runtime.status();
    }

    /**
     * Applies a revocation of this store now: the certificate is refused from now on and its device disconnected.
     * The revocation follower (when {@link HubSettings#provisioningUrl()} is set) calls this for every feed entry.
     */
    public void revoke(Revocation revocation) {
        runtime.revoke(revocation);
    }

    /** Stops the status endpoint, the bridge, the broker and the outbox. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the status endpoint: " + e);
        }
        runtime.close();
    }
}
