package dev.waymark.cloud.internal.gateway;

import dev.waymark.cloud.internal.SectionValues;
import dev.waymark.protocol.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code gateway} section of the cloud's configuration. Either the embedded broker ({@code embedded}, the
 * default) listening for hubs on {@code host}:{@code port} with TLS, or an external MQTT 5 broker at {@code url}.
 *
 * @param embedded         run the embedded HiveMQ CE broker (default true)
 * @param host             the TLS listener's bind address (default 0.0.0.0)
 * @param port             the TLS listener's port (default 8884; 0 picks a free one)
 * @param url              the external broker, {@code tcp://} or {@code ssl://host:port}; empty when embedded
 * @param shareGroup       the shared-subscription group of all replicas (default cloud-core)
 * @param clientId         this replica's stable MQTT client id (default cloud-core-1)
 * @param dataDir          where the embedded broker keeps sessions and queued messages (default data/gateway)
 * @param serverNames      DNS names or IPs the embedded listener's certificate names (default localhost)
 * @param receiveMaximum   the broker's per-client in-flight window for publishes it receives (default 1000)
 * @param maxQueueSize     the broker's per-client queue, i.e. cloud-core's backlog while it is down
 *                         (default 1,000,000)
 * @param inflight         unacknowledged messages the ingest lets the broker send at once (default 1000)
 * @param username         the external broker's user name; empty for none
 * @param passwordVariable environment variable holding the external broker's password (default WM_GATEWAY_PASSWORD)
 * @param echo             for {@code waymark bench e2e} only: the ingest stores nothing and answers every service
 *                         request with an action straight back down (default false)
 */
public record GatewaySettings(boolean embedded, String host, int port, String url, String shareGroup,
                              String clientId, Path dataDir, List<String> serverNames, int receiveMaximum,
                              int maxQueueSize, int inflight, String username, String passwordVariable,
                              boolean echo) {

    /** Prefix of every key in error messages. */
    public static final String SECTION = "gateway";
    private static final Set<String> KNOWN = Set.of("embedded", "host", "port", "url", "shareGroup", "clientId",
            "dataDir", "serverNames", "receiveMaximum", "maxQueueSize", "inflight", "username", "passwordVariable",
            "echo");

    /** Validates; throws IllegalArgumentException naming the key, e.g. {@code gateway.port: must be 0..65535}. */
    public GatewaySettings {
        Objects.requireNonNull(host, key("host"));
        Objects.requireNonNull(url, key("url"));
        Objects.requireNonNull(dataDir, key("dataDir"));
        Objects.requireNonNull(username, key("username"));
        Objects.requireNonNull(passwordVariable, key("passwordVariable"));
        serverNames = List.copyOf(serverNames);
        require(!host.isBlank(), "host", "must not be blank");
        require(port >= 0 && port <= 65535, "port", "must be 0..65535");
        require(port != 1883, "port", "1883 is plain MQTT's port; the hub listener is TLS only");
        require(embedded != !url.isEmpty(), "url", embedded
                ? "must be empty while gateway.embedded is true" : "is required when gateway.embedded is false");
        require(url.isEmpty() || url.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}"), "url",
                "must be tcp://host:port or ssl://host:port");
        segment("shareGroup", shareGroup);
        segment("clientId", clientId);
        require(!serverNames.isEmpty(), "serverNames", "needs at least one name");
        require(receiveMaximum >= 1 && receiveMaximum <= 65535, "receiveMaximum", "must be 1..65535");
        require(maxQueueSize >= 1, "maxQueueSize", "must be >= 1");
        require(inflight >= 1 && inflight <= 65535, "inflight", "must be 1..65535");
    }

    /** The defaults: embedded broker on port 8884, data in {@code data/gateway}. */
    public static GatewaySettings defaults() {
        return new GatewaySettings(true, "0.0.0.0", 8884, "", "cloud-core", "cloud-core-1", Path.of("data/gateway"),
                List.of("localhost"), 1000, 1_000_000, 1000, "", "WM_GATEWAY_PASSWORD", false);
    }

    /** Reads the {@code gateway} section; missing keys take the defaults; IllegalArgumentException names the key. */
    public static GatewaySettings from(JsonObject section) {
        for (String name : section.fieldNames()) {
            require(KNOWN.contains(name), name, "unknown key");
        }
        GatewaySettings d = defaults();
        return new GatewaySettings(bool(section, "embedded", d.embedded), text(section, "host", d.host),
                number(section, "port", d.port), text(section, "url", d.url),
                text(section, "shareGroup", d.shareGroup), text(section, "clientId", d.clientId),
                Path.of(text(section, "dataDir", d.dataDir.toString())), names(section, d.serverNames),
                number(section, "receiveMaximum", d.receiveMaximum), number(section, "maxQueueSize", d.maxQueueSize),
                number(section, "inflight", d.inflight), text(section, "username", d.username),
                text(section, "passwordVariable", d.passwordVariable), bool(section, "echo", d.echo));
    }

    /** The same settings with another TLS port (tests pin one across a restart). */
    public GatewaySettings withPort(int newPort) {
        return new GatewaySettings(embedded, host, newPort, url, shareGroup, clientId, dataDir, serverNames,
                receiveMaximum, maxQueueSize, inflight, username, passwordVariable, echo);
    }

    private static String text(JsonObject section, String name, String fallback) {
        return new SectionValues(section, SECTION).text(name, fallback);
    }

    private static int number(JsonObject section, String name, int fallback) {
        return new SectionValues(section, SECTION).integer(name, fallback);
    }

    private static boolean bool(JsonObject section, String name, boolean fallback) {
        Object value = section.getValue(name, fallback);
        require(value instanceof Boolean, name, "must be true or false");
        return (Boolean) value;
    }

    private static List<String> names(JsonObject section, List<String> fallback) {
        Object value = section.getValue("serverNames");
        if (value == null) {
            return fallback;
        }
        require(value instanceof JsonArray, "serverNames", "must be an array of strings");
        for (Object name : (JsonArray) value) {
            require(name instanceof String text && !text.isBlank(), "serverNames", "must be an array of strings");
        }
        return ((JsonArray) value).stream().map(String.class::cast).toList();
    }

    private static void segment(String name, String value) {
        try {
            Topics.requireSegment(key(name), value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key(name) + ": " + e.getMessage().replace(key(name) + " ", ""), e);
        }
    }

    private static void require(boolean ok, String name, String message) {
        if (!ok) {
            throw new IllegalArgumentException(key(name) + ": " + message);
        }
    }

    private static String key(String name) {
        return SECTION + "." + name;
    }
}
