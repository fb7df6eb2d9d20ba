package dev.waymark.edge;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How one kiosk agent runs, read from its {@code edge.json}. Paths in the file are relative to the file's folder.
 *
 * @param deviceConfig        the enrolled {@code DeviceConfig} JSON (key {@value #DEVICE_CONFIG}, default
 *                            {@code agent.json}, as {@code waymark edge enroll} writes it)
 * @param keystore            the PKCS#12 keystore with the device key, its chain and the pseudonymization key
 *                            (key {@value #KEYSTORE}, default {@code device.p12})
 * @param keystorePasswordEnv the environment variable holding the keystore password
 *                            (key {@value #KEYSTORE_PASSWORD_ENV}, default {@code WM_KEYSTORE_PASSWORD})
 * @param database            the agent's SQLite file (key {@value #DATABASE}, default {@code edge.db})
 * @param httpPort            the localhost port of the capture API, 0 for any free one
 *                            (key {@value #HTTP_PORT}, default 8787)
 * @param diskQuotaBytes      what the outbox may hold, in event bytes (key {@value #DISK_QUOTA_BYTES},
 *                            default 512 MB)
 * @param sessionIdle         a kiosk session ends after this long without a touch
 *                            (key {@value #SESSION_IDLE_SECONDS}, default 120 s)
 * @param heartbeat           how often the status topic gets a heartbeat (key {@value #HEARTBEAT_SECONDS},
 *                            default 30 s)
 * @param placement           the placement offline decisions fill (key {@value #PLACEMENT}, default {@code home})
 * @param locale              the locale written into session starts (key {@value #LOCALE}, default {@code en})
 * @param scanFields          free-text fields opted into PII scanning instead of being dropped
 *                            (key {@value #SCAN_FIELDS}, default none)
 * @param localDecisions      {@code offline} (decide locally only while the hub is unreachable) or {@code always}
 *                            (key {@value #LOCAL_DECISIONS}, default {@code offline})
 * @param dev                 plaintext MQTT to the hub is allowed (key {@value #DEV}, default false; also the
 *                            {@code --dev} flag)
 * @param explainUrl          where the kiosk screen's "why" link sends a decision the cloud made: an http(s) URL
 *                            template containing {@value #DECISION_ID_PLACEHOLDER} (key {@value #EXPLAIN_URL},
 *                            e.g. {@code http://localhost:8080/v1/decisions/{decisionId}}); default none
 */
public record EdgeSettings(Path deviceConfig, Path keystore, String keystorePasswordEnv, Path database,
                           int httpPort, long diskQuotaBytes, Duration sessionIdle, Duration heartbeat,
                           String placement, String locale, List<String> scanFields, String localDecisions,
                           boolean dev, Optional<String> explainUrl) {

    public static final String DEVICE_CONFIG = "deviceConfig";
    public static final String KEYSTORE = "keystore";
    public static final String KEYSTORE_PASSWORD_ENV = "keystorePasswordEnv";
    public static final String DATABASE = "database";
    public static final String HTTP_PORT = "httpPort";
    public static final String DISK_QUOTA_BYTES = "diskQuotaBytes";
    public static final String SESSION_IDLE_SECONDS = "sessionIdleSeconds";
    public static final String HEARTBEAT_SECONDS = "heartbeatSeconds";
    public static final String PLACEMENT = "placement";
    public static final String LOCALE = "locale";
    public static final String SCAN_FIELDS = "scanFields";
    public static final String LOCAL_DECISIONS = "localDecisions";
    public static final String DEV = "dev";
    public static final String EXPLAIN_URL = "explainUrl";
    /** What {@code explainUrl} must contain; the decision id, percent-encoded, replaces it. */
    public static final String DECISION_ID_PLACEHOLDER = "{decisionId}";

    /** 512 MB, the default outbox quota. */
    public static final long DEFAULT_QUOTA_BYTES = 512L * 1024 * 1024;
    private static final Set<String> KEYS = Set.of(DEVICE_CONFIG, KEYSTORE, KEYSTORE_PASSWORD_ENV, DATABASE,
            HTTP_PORT, DISK_QUOTA_BYTES, SESSION_IDLE_SECONDS, HEARTBEAT_SECONDS, PLACEMENT, LOCALE, SCAN_FIELDS,
            LOCAL_DECISIONS, DEV, EXPLAIN_URL);

    /** Validates; throws IllegalArgumentException naming the key. */
    public EdgeSettings {
        Objects.requireNonNull(deviceConfig, DEVICE_CONFIG);
        Objects.requireNonNull(keystore, KEYSTORE);
        Objects.requireNonNull(database, DATABASE);
        require(keystorePasswordEnv != null && !keystorePasswordEnv.isBlank(), KEYSTORE_PASSWORD_ENV,
                "must name an environment variable");
        require(httpPort >= 0 && httpPort <= 65535, HTTP_PORT, "must be 0 to 65535");
        require(diskQuotaBytes >= 1024 * 1024, DISK_QUOTA_BYTES, "must be at least 1 MB");
        require(!sessionIdle.isNegative() && !sessionIdle.isZero(), SESSION_IDLE_SECONDS, "must be positive");
        require(!heartbeat.isNegative() && !heartbeat.isZero(), HEARTBEAT_SECONDS, "must be positive");
        require(placement != null && !placement.isBlank(), PLACEMENT, "must not be blank");
        require(locale != null && !locale.isBlank(), LOCALE, "must not be blank");
        scanFields = List.copyOf(scanFields);
        require("offline".equals(localDecisions) || "always".equals(localDecisions), LOCAL_DECISIONS,
                "must be offline or always");
        Objects.requireNonNull(explainUrl, EXPLAIN_URL);
        explainUrl.ifPresent(EdgeSettings::checkExplainUrl);
    }

    /** Settings with every default, for the given device config, keystore and database. */
    public static EdgeSettings defaults(Path deviceConfig, Path keystore, Path database) {
        return new EdgeSettings(deviceConfig, keystore, "WM_KEYSTORE_PASSWORD", database, 8787, DEFAULT_QUOTA_BYTES,
                Duration.ofSeconds(120), Duration.ofSeconds(30), "home", "en", List.of(), "offline", false,
                Optional.empty());
    }

    /** The same settings with another HTTP port. */
    public EdgeSettings withHttpPort(int port) {
        return new EdgeSettings(deviceConfig, keystore, keystorePasswordEnv, database, port, diskQuotaBytes,
                sessionIdle, heartbeat, placement, locale, scanFields, localDecisions, dev,
                explainUrl);
    }

    /** The same settings with plaintext MQTT allowed or not. */
    public EdgeSettings withDev(boolean allowPlaintext) {
        return new EdgeSettings(deviceConfig, keystore, keystorePasswordEnv, database, httpPort, diskQuotaBytes,
                sessionIdle, heartbeat, placement, locale, scanFields, localDecisions, allowPlaintext,
                explainUrl);
    }

    /** The same settings with another quota. */
    public EdgeSettings withDiskQuotaBytes(long bytes) {
        return new EdgeSettings(deviceConfig, keystore, keystorePasswordEnv, database, httpPort, bytes,
                sessionIdle, heartbeat, placement, locale, scanFields, localDecisions, dev,
                explainUrl);
    }

    /** The same settings with another "why" link target for cloud decisions; empty for none. */
    public EdgeSettings withExplainUrl(Optional<String> template) {
        return new EdgeSettings(deviceConfig, keystore, keystorePasswordEnv, database, httpPort, diskQuotaBytes,
                sessionIdle, heartbeat, placement, locale, scanFields, localDecisions, dev, template);
    }

    /** The same settings with other free-text fields opted into scanning. */
    public EdgeSettings withScanFields(List<String> fields) {
        return new EdgeSettings(deviceConfig, keystore, keystorePasswordEnv, database, httpPort, diskQuotaBytes,
                sessionIdle, heartbeat, placement, locale, fields, localDecisions, dev, explainUrl);
    }

    /**
     * Reads {@code edge.json}. Throws {@link IllegalArgumentException} whose message names the file and the key
     * (unknown keys too), or says the file cannot be read.
     */
    public static EdgeSettings read(Path file) {
        JsonObject json;
        try (InputStream in = Files.newInputStream(file); JsonReader reader = Json.createReader(in)) {
            json = reader.readObject();
        } catch (IOException | JsonException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return fromJson(json, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static EdgeSettings fromJson(JsonObject json, Path base) {
        for (String key : json.keySet()) {
            require(KEYS.contains(key), key, "unknown key");
        }
        EdgeSettings d = defaults(path(json, base, DEVICE_CONFIG, "agent.json"),
                path(json, base, KEYSTORE, "device.p12"), path(json, base, DATABASE, "edge.db"));
        return new EdgeSettings(d.deviceConfig, d.keystore, text(json, KEYSTORE_PASSWORD_ENV, d.keystorePasswordEnv),
                d.database, (int) number(json, HTTP_PORT, d.httpPort), number(json, DISK_QUOTA_BYTES, d.diskQuotaBytes),
                Duration.ofSeconds(number(json, SESSION_IDLE_SECONDS, d.sessionIdle.toSeconds())),
                Duration.ofSeconds(number(json, HEARTBEAT_SECONDS, d.heartbeat.toSeconds())),
                text(json, PLACEMENT, d.placement), text(json, LOCALE, d.locale), strings(json, SCAN_FIELDS),
                text(json, LOCAL_DECISIONS, d.localDecisions), flag(json, DEV),
                json.containsKey(EXPLAIN_URL) ? Optional.of(text(json, EXPLAIN_URL, "")) : Optional.empty());
    }

    private static Path path(JsonObject json, Path base, String key, String fallback) {
        return base.resolve(text(json, key, fallback)).normalize();
    }

    private static String text(JsonObject json, String key, String fallback) {
        JsonValue value = json.get(key);
        if (value == null) {
            return fallback;
        }
        require(value instanceof JsonString, key, "must be a string");
        return ((JsonString) value).getString();
    }

    private static long number(JsonObject json, String key, long fallback) {
        JsonValue value = json.get(key);
        if (value == null) {
            return fallback;
        }
        require(value instanceof JsonNumber n && n.isIntegral(), key, "must be an integer");
        return ((JsonNumber) value).longValue();
    }

    private static boolean flag(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null) {
            return false;
        }
        require(value == JsonValue.TRUE || value == JsonValue.FALSE, key, "must be true or false");
        return value == JsonValue.TRUE;
    }

    private static List<String> strings(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null) {
            return List.of();
        }
        require(value.getValueType() == JsonValue.ValueType.ARRAY, key, "must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            require(item instanceof JsonString, key, "must be an array of strings");
            out.add(((JsonString) item).getString());
        }
        return out;
    }

    private static void checkExplainUrl(String template) {
        require(template.contains(DECISION_ID_PLACEHOLDER), EXPLAIN_URL, "must contain " + DECISION_ID_PLACEHOLDER);
        URI uri;
        try {
            uri = new URI(template.replace(DECISION_ID_PLACEHOLDER, "d"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(EXPLAIN_URL + ": is not a URL: " + e.getReason(), e);
        }
        require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                EXPLAIN_URL, "must be an http or https URL with a host");
    }

    private static void require(boolean condition, String key, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(key + ": " + reason);
        }
    }
}
