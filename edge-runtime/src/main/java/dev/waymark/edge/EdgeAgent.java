package dev.waymark.edge;

import dev.waymark.edge.internal.AgentRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * The kiosk agent: captures what the kiosk UI sends (localhost HTTP and WebSocket, or this Java API), masks it,
 * commits it to the SQLite outbox, drains the outbox to the store hub over MQTT v5, shows actions from the hub and
 * decides intents locally while the hub is unreachable. docs/edge.md describes the API, the files and the
 * guarantees.
 */
public final class EdgeAgent {

    private final AgentRuntime runtime;

    private EdgeAgent(AgentRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts an agent on the system clock; see {@link #start(Vertx, EdgeSettings, EdgeIdentity, Clock)}. */
    public static Future<EdgeAgent> start(Vertx vertx, EdgeSettings settings, EdgeIdentity identity) {
        return start(vertx, settings, identity, Clock.systemUTC());
    }

    /**
     * Opens (or creates) the database, starts the uplink (reconnecting with backoff until the hub answers) and the
     * HTTP API. The future fails with an IllegalArgumentException naming the setting when one is unusable (for
     * example a plaintext {@code hubAddress} without {@code dev}), or with the SQLException of the database.
     */
    public static Future<EdgeAgent> start(Vertx vertx, EdgeSettings settings, EdgeIdentity identity, Clock clock) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(clock, "clock");
        return AgentRuntime.start(vertx, settings, identity, clock).map(EdgeAgent::new);
    }

    /**
     * Captures one capture object or an array of them, as the HTTP API does (format in docs/edge.md). Completes
     * after the SQLite commit with {@link CaptureResult.Stored}, or at once with {@link CaptureResult.Refused}.
     */
    public Future<CaptureResult> capture(String json) {
        return Future.fromCompletionStage(runtime.capture(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Captures an already parsed capture object or array; see {@link #capture(String)}. */
    public Future<CaptureResult> capture(JsonValue json) {
        return Future.fromCompletionStage(runtime.capture(json));
    }

    /**
     * Offers a decision bundle (the protocol's {@code DecisionBundle} JSON), as if it arrived on the bundle topic;
     * true when it was newer, verified and installed. Blocks while the bundle's catalog compiles.
     */
    public boolean installBundle(byte[] bundleJson) {
        return runtime.installBundle(bundleJson);
    }

    /** The port the HTTP API listens on (127.0.0.1). */
    public int httpPort() {
        return runtime.httpPort();
    }

    /** The agent's health now. */
    public EdgeStatus status() {
        return runtime.status();
    }

    /** Stops the API and the uplink (the hub then publishes the last will, offline) and closes the database. */
    public Future<Void> close() {
        return runtime.close();
    }
}
