package dev.waymark.hub;

import dev.waymark.protocol.Topics;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How a hub runs, read from {@code hub.json} by {@link #load}. Paths are resolved against the file's folder.
 * Required: {@value #STORE}, {@value #DATA_DIR}, {@value #KEYSTORE}, {@value #UPSTREAM_URL}; the rest has defaults
 * (see the constants). The keystore password is not here: it comes from {@value #PASSWORD_VARIABLE}.
 *
 * @param storeId            the store this hub serves; only its devices may connect
 * @param dataDir            the hub outbox, the broker's data and the broker's TLS files
 * @param keystore           the PKCS#12 file from {@code waymark hub enroll} (aliases device, hub-server, waymark-ca)
 * @param listenHost         the address the MQTT TLS listener binds
 * @param listenPort         its port (0 picks a free one)
 * @param upstreamUrl        the cloud broker, {@code ssl://host:port} or {@code tcp://host:port}
 * @param upstreamCaFingerprint SHA-256 of the CA the upstream's server certificate chains to (ssl only); empty = ours
 * @param statusHost         the address of the local status endpoint
 * @param statusPort         its port (0 picks a free one)
 * @param statusPublishSeconds how often the hub publishes its own status upstream
 * @param provisioningUrl    where to follow revocations; empty = no follower
 * @param revocationPollSeconds how often the revocation feed is polled
 * @param receiveMaximum     the broker's receive maximum (in-flight QoS 1 messages per client)
 * @param maxQueueSize       the broker's per-client queue of undelivered messages
 * @param outboxMaxRows      the hub outbox quota; beyond it kiosks get PUBACK 0x97 and keep the batch
 * @param bridgeWindow       the bridge's in-flight window upstream
 * @param drainPerSecond     the most messages per second the bridge forwards (backlog and live traffic together)
 * @param devMode            also open a plain TCP listener without certificates; for development only
 * @param devPort            that listener's port (0 picks a free one)
 */
public record HubSettings(String storeId, Path dataDir, Path keystore, String listenHost, int listenPort,
                          String upstreamUrl, String upstreamCaFingerprint, String statusHost, int statusPort,
                          int statusPublishSeconds, String provisioningUrl, int revocationPollSeconds,
                          int receiveMaximum, int maxQueueSize, long outboxMaxRows,
                          int bridgeWindow, int drainPerSecond, boolean devMode, int devPort) {

    /** The environment variable that holds the keystore password. */
    public static final String PASSWORD_VARIABLE = "WM_KEYSTORE_PASSWORD";
    /** Key: the store id. Required. */
    public static final String STORE = "store";
    /** Key: the data folder. Required. */
    public static final String DATA_DIR = "dataDir";
    /** Key: the PKCS#12 keystore from enrollment. Required. */
    public static final String KEYSTORE = "keystore";
    /** Key: the listener's bind address; default {@code 0.0.0.0}. */
    public static final String LISTEN_HOST = "listen.host";
    /** Key: the listener's port; default 8883. */
    public static final String LISTEN_PORT = "listen.port";
    /** Key: the upstream broker's URL. Required. */
    public static final String UPSTREAM_URL = "upstream.url";
    /** Key: the upstream's CA fingerprint; default: our device CA. */
    public static final String UPSTREAM_CA = "upstream.caFingerprint";
    /** Key: the status endpoint's bind address; default {@code 127.0.0.1}. */
    public static final String STATUS_HOST = "status.host";
    /** Key: the status endpoint's port; default 8480. */
    public static final String STATUS_PORT = "status.port";
    /** Key: seconds between hub status publications upstream; default 30. */
    public static final String STATUS_PUBLISH_SECONDS = "status.publishSeconds";
    /** Key: the provisioning service URL for revocations; default none. */
    public static final String PROVISIONING_URL = "provisioning.url";
    /** Key: seconds between revocation polls; default 30, so a revocation bites within a minute. */
    public static final String REVOCATION_POLL_SECONDS = "provisioning.pollSeconds";
    /** Key: the broker's receive maximum; default 1000. */
    public static final String RECEIVE_MAXIMUM = "broker.receiveMaximum";
    /** Key: the broker's per-client queue size; default 100000. */
    public static final String MAX_QUEUE_SIZE = "broker.maxQueueSize";
    /** Key: the outbox quota in rows (one row = one kiosk publish); default 2000000. */
    public static final String OUTBOX_MAX_ROWS = "outbox.maxRows";
    /** Key: the bridge's in-flight window; default 200. */
    public static final String BRIDGE_WINDOW = "bridge.window";
    /** Key: the bridge's rate limit in messages per second; default 2000. */
    public static final String DRAIN_PER_SECOND = "bridge.drainPerSecond";
    /** Key: development mode (plain TCP, no certificates); default false. */
    public static final String DEV_MODE = "devMode";
    /** Key: the development listener's port; default 1884. */
    public static final String DEV_PORT = "devPort";

    private static final Set<String> KNOWN = Set.of(STORE, DATA_DIR, KEYSTORE, "listen", "upstream", "status",
            "provisioning", "broker", "outbox", "bridge", DEV_MODE, DEV_PORT);

    /** Validates; throws IllegalArgumentException naming the key. */
    public HubSettings {
        Topics.requireSegment(STORE, storeId);
        Objects.requireNonNull(dataDir, DATA_DIR);
        Objects.requireNonNull(keystore, KEYSTORE);
        Objects.requireNonNull(listenHost, LISTEN_HOST);
        port(LISTEN_PORT, listenPort);
        if (!upstreamUrl.matches("(ssl|tcp)://[^/\\s]+:[0-9]{1,5}")) {
            throw new IllegalArgumentException(UPSTREAM_URL + ": must be ssl://host:port or tcp://host:port");
        }
        if (!upstreamCaFingerprint.isEmpty() && !upstreamCaFingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(UPSTREAM_CA + ": must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(statusHost, STATUS_HOST);
        port(STATUS_PORT, statusPort);
        atLeast(STATUS_PUBLISH_SECONDS, statusPublishSeconds, 1, 86_400);
        Objects.requireNonNull(provisioningUrl, PROVISIONING_URL);
        if (!provisioningUrl.isEmpty() && !provisioningUrl.startsWith("https://")) {
            throw new IllegalArgumentException(PROVISIONING_URL + ": must be an https:// URL");
        }
        atLeast(REVOCATION_POLL_SECONDS, revocationPollSeconds, 1, 3600);
        atLeast(RECEIVE_MAXIMUM, receiveMaximum, 1, 65535);
        atLeast(MAX_QUEUE_SIZE, maxQueueSize, 1, Integer.MAX_VALUE);
        if (outboxMaxRows < 1) {
            throw new IllegalArgumentException(OUTBOX_MAX_ROWS + ": must be >= 1");
        }
        atLeast(BRIDGE_WINDOW, bridgeWindow, 1, 65535);
        atLeast(DRAIN_PER_SECOND, drainPerSecond, 1, Integer.MAX_VALUE);
        port(DEV_PORT, devPort);
    }

    /** Settings with every default, for code and tests. */
    public static HubSettings of(String storeId, Path dataDir, Path keystore, String upstreamUrl) {
        return new HubSettings(storeId, dataDir, keystore, "0.0.0.0", 8883, upstreamUrl, "", "127.0.0.1", 8480, 30,
                "", 30, 1000, 100_000, 2_000_000, 200, 2000, false, 1884);
    }

    /**
     * Reads {@code hub.json}. Throws IOException when it cannot be read, IllegalArgumentException naming the file
     * and the key when a value is missing, of the wrong type or out of range, or a key is unknown.
     */
    public static HubSettings load(Path file) throws IOException {
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file));
        } catch (DecodeException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage());
        }
        try {
            for (String key : json.fieldNames()) {
                if (!KNOWN.contains(key)) {
                    throw new IllegalArgumentException(key + ": unknown key");
                }
            }
            Path base = file.toAbsolutePath().getParent();
            HubSettings defaults = of(ConfigJson.required(json, STORE), Path.of("."), Path.of("."), "tcp://x:1");
            return new HubSettings(defaults.storeId(), base.resolve(ConfigJson.required(json, DATA_DIR)),
                    base.resolve(ConfigJson.required(json, KEYSTORE)),
                    ConfigJson.text(json, LISTEN_HOST, defaults.listenHost()),
                    ConfigJson.integer(json, LISTEN_PORT, defaults.listenPort()),
                    ConfigJson.required(json, UPSTREAM_URL), ConfigJson.text(json, UPSTREAM_CA, ""),
                    ConfigJson.text(json, STATUS_HOST, defaults.statusHost()),
                    ConfigJson.integer(json, STATUS_PORT, defaults.statusPort()),
                    ConfigJson.integer(json, STATUS_PUBLISH_SECONDS, defaults.statusPublishSeconds()),
                    ConfigJson.text(json, PROVISIONING_URL, ""),
                    ConfigJson.integer(json, REVOCATION_POLL_SECONDS, defaults.revocationPollSeconds()),
                    ConfigJson.integer(json, RECEIVE_MAXIMUM, defaults.receiveMaximum()),
                    ConfigJson.integer(json, MAX_QUEUE_SIZE, defaults.maxQueueSize()),
                    ConfigJson.integer(json, OUTBOX_MAX_ROWS, (int) defaults.outboxMaxRows()),
                    ConfigJson.integer(json, BRIDGE_WINDOW, defaults.bridgeWindow()),
                    ConfigJson.integer(json, DRAIN_PER_SECOND, defaults.drainPerSecond()),
                    ConfigJson.bool(json, DEV_MODE, false), ConfigJson.integer(json, DEV_PORT, defaults.devPort()));
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static void port(String key, int port) {
        atLeast(key, port, 0, 65535);
    }

    private static void atLeast(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": must be between " + min + " and " + max + ", got " + value);
        }
    }
}
