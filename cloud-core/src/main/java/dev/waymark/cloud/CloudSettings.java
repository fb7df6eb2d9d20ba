package dev.waymark.cloud;

import dev.waymark.cloud.internal.log.EventLogSettings;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of {@code waymark cloud --config cloud.json}, read once at start. Every key has an embedded
 * default, so {@code {}} runs a complete single-machine cloud; docs/cloud.md lists the keys. Sections owned by one
 * part ({@code gateway}, {@code identity}, {@code decisions}, {@code kpis}) are handed to it as they are.
 *
 * @param dataDir     where the SQLite files, keystores and broker data live ({@value #DATA_DIR})
 * @param httpHost    the API's bind address ({@code http.host}, default 0.0.0.0)
 * @param httpPort    the API's port ({@code http.port}, default 8080; 0 picks a free one)
 * @param storeUrl    the store's JDBC URL ({@code store.url}, default SQLite in the data dir)
 * @param devSecrets  generate keystore passwords into the data dir when the environment has none
 *                    ({@code secrets}: {@code "dev"} (default) or {@code "env"})
 * @param provisioningPort the HTTPS port of device enrollment ({@code provisioning.port}, default 8443)
 * @param hubHost     a hub's DNS name with {@code {store}} ({@code provisioning.hubHost}, default hub.{store}.local)
 * @param batch       events per pipeline transaction at most ({@code pipeline.batch}, default 500)
 * @param cachedProfiles journey contexts kept in memory ({@code pipeline.cachedProfiles}, default 100000)
 * @param dedupHours  how long event ids are remembered to drop duplicates ({@code pipeline.dedupHours}, 168)
 * @param raw         the whole file, for the parts' own sections
 */
public record CloudSettings(Path dataDir, String httpHost, int httpPort, String storeUrl, boolean devSecrets,
        int provisioningPort, String hubHost, int batch, int cachedProfiles, int dedupHours, JsonObject raw) {

    /** Key of the data directory. */
    public static final String DATA_DIR = "dataDir";
    private static final Set<String> KNOWN = Set.of(DATA_DIR, "http", "store", "secrets", "provisioning",
            "pipeline", "gateway", "identity", "accounts", "decisions", "outbox", "kpi", "metrics", "live", "overview",
            "health", "crm", "campaigns", EventLogSettings.SECTION);

    public CloudSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort("http.port", httpPort);
        requirePort("provisioning.port", provisioningPort);
        if (!storeUrl.startsWith("jdbc:sqlite:") && !storeUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store.url: must be jdbc:sqlite:... or jdbc:postgresql:...");
        }
        if (!hubHost.contains("{store}")) {
            throw new IllegalArgumentException("provisioning.hubHost: must contain {store}");
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("pipeline.batch: must be 1..10000, got " + batch);
        }
        if (cachedProfiles < 0) {
            throw new IllegalArgumentException("pipeline.cachedProfiles: must be >= 0");
        }
        if (dedupHours < 1) {
            throw new IllegalArgumentException("pipeline.dedupHours: must be >= 1");
        }
        raw = raw.copy();
    }

    /** Every default, with the data directory {@code dataDir}. */
    public static CloudSettings defaults(Path dataDir) {
        return from(new JsonObject().put(DATA_DIR, dataDir.toString()), Path.of("."));
    }

    /**
     * Reads a configuration file.
     *
     * @throws IllegalArgumentException naming the file and the key that is wrong
     * @throws IOException when the file cannot be read
     */
    public static CloudSettings load(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return from(new JsonObject(text), file.toAbsolutePath().getParent());
        } catch (DecodeException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads settings from JSON; relative paths resolve against {@code base}. */
    public static CloudSettings from(JsonObject json, Path base) {
        for (String key : json.fieldNames()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key (known: " + String.join(", ",
                        KNOWN.stream().sorted().toList()) + ")");
            }
        }
        Path dataDir = base.resolve(json.getString(DATA_DIR, "waymark-data/cloud")).normalize();
        JsonObject http = section(json, "http");
        JsonObject store = section(json, "store");
        JsonObject provisioning = section(json, "provisioning");
        JsonObject pipeline = section(json, "pipeline");
        // Checked here so a wrong key is reported with the file's name; the cloud reads the section at start.
        EventLogSettings.from(section(json, EventLogSettings.SECTION));
        String secrets = json.getString("secrets", "dev");
        if (!secrets.equals("dev") && !secrets.equals("env")) {
            throw new IllegalArgumentException("secrets: must be \"dev\" or \"env\", got \"" + secrets + "\"");
        }
        return new CloudSettings(dataDir, http.getString("host", "0.0.0.0"), http.getInteger("port", 8080),
                store.getString("url", "jdbc:sqlite:" + dataDir.resolve("cloud.db")), secrets.equals("dev"),
                provisioning.getInteger("port", 8443), provisioning.getString("hubHost", "hub.{store}.local"),
                pipeline.getInteger("batch", 500), pipeline.getInteger("cachedProfiles", 100_000),
                pipeline.getInteger("dedupHours", 168), json);
    }

    /**
     * The sections as dotted keys one level deep ({@code {"kpi": {"period": "P1D"}}} gives {@code kpi.period}), the
     * form the parts' settings read; a part ignores keys that are not its own.
     */
    public JsonObject flat() {
        JsonObject flat = new JsonObject();
        for (String name : raw.fieldNames()) {
            if (raw.getValue(name) instanceof JsonObject section) {
                section.forEach(entry -> flat.put(name + "." + entry.getKey(), entry.getValue()));
            }
        }
        return flat;
    }

    /** A part's own section, empty when absent. */
    public JsonObject section(String name) {
        return section(raw, name);
    }

    private static JsonObject section(JsonObject json, String name) {
        Object value = json.getValue(name);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(name + ": must be an object");
        }
        return object.copy();
    }

    private static void requirePort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(key + ": must be 0..65535, got " + port);
        }
    }
}
