package dev.waymark.cloud;

import dev.waymark.cloud.internal.boot.CloudRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cloud core ({@code waymark cloud}): the device gateway, the web/app collector, the stream pipeline (identity,
 * journeys, decisions, consent, KPIs), device enrollment and the HTTP API, on embedded defaults (an embedded HiveMQ
 * CE gateway, SQLite, an in-store event log) unless {@link CloudSettings} name other backends. docs/cloud.md.
 */
public final class CloudCore {

    private final CloudRuntime runtime;

    private CloudCore(CloudRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts a cloud core on {@code vertx}; secrets are read from {@code environment}
     * ({@code WM_CA_PASSWORD}, {@code WM_KEYSTORE_PASSWORD}, {@code WM_ADMIN_PASSWORD}). The future fails with
     * the step that could not be done; whatever had started is stopped again.
     */
    public static Future<CloudCore> start(Vertx vertx, CloudSettings settings, Function<String, String> environment,
            Clock clock) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(settings, "settings");
        return CloudRuntime.start(vertx, settings, environment, clock).map(CloudCore::new);
    }

    /** Stops it; everything durable stays in the data directory for the next start. */
    public Future<Void> stop() {
        return runtime.stop();
    }

    /** The running parts, for tests in this package that look behind the public face (the API's routes). */
    CloudRuntime runtime() {
        return runtime;
    }

    /** The HTTP API's port. */
    public int httpPort() {
        return runtime.httpPort();
    }

    /** The HTTPS port of device enrollment ({@code /provisioning/v1}). */
    public int provisioningPort() {
        return runtime.provisioningPort();
    }

    /** The embedded gateway's MQTT-over-TLS port for hubs; empty with an external broker. */
    public Optional<Integer> gatewayPort() {
        return runtime.gatewayPort();
    }

    /** The SHA-256 fingerprint of the device CA, which enrollment tokens and hubs pin. */
    public String caFingerprint() {
        return runtime.caFingerprint();
    }

    /** The password of user {@code admin} when this start created it with a generated one; show it once. */
    public Optional<String> generatedAdminPassword() {
        return runtime.generatedAdminPassword();
    }

    /** True when keystore passwords were generated into the data directory instead of read from the environment. */
    public boolean devSecrets() {
        return runtime.devSecrets();
    }
}
