package dev.waymark.provisioning;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.internal.ProvisioningClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The field tech's and operator's client of the provisioning API (what {@code waymark provision} uses): tokens,
 * device lists, revocation and replacement, authenticated with the admin API key, trusting only the pinned CA.
 * Blocking. Methods throw {@link EnrollmentRefused} when the service says no, IOException when it is unreachable.
 */
public final class ProvisioningAdmin {

    private final ProvisioningClient client;
    private final String caFingerprint;
    private final String adminKey;

    private ProvisioningAdmin(String url, String caFingerprint, String adminKey, Clock clock) {
        this.client = new ProvisioningClient(url, DeviceTrust.forServers(caFingerprint, clock), null);
        this.caFingerprint = caFingerprint;
        this.adminKey = adminKey;
    }

    /** A client of the service at {@code url} (ending in {@link ProvisioningRoutes#MOUNT_POINT}). */
    public static ProvisioningAdmin connect(String url, String caFingerprint, String adminKey, Clock clock) {
        if (!url.startsWith("https://")) {
            throw new IllegalArgumentException("url: must start with https://");
        }
        return new ProvisioningAdmin(url, caFingerprint, adminKey, clock);
    }

    /** A new enrollment token for a store and role. */
    public TokenGrant createToken(String storeId, DeviceRole role) throws IOException, EnrollmentRefused {
        return grant(client.post("/tokens", new JsonObject().put("store", storeId)
                .put("role", role.name().toLowerCase(Locale.ROOT)), adminKey));
    }

    /** The devices of a store. */
    public List<Device> devices(String storeId) throws IOException, EnrollmentRefused {
        JsonObject answer = client.get("/devices?store=" + URLEncoder.encode(storeId, StandardCharsets.UTF_8),
                adminKey);
        List<Device> devices = new ArrayList<>();
        for (Object item : answer.getJsonArray("devices")) {
            JsonObject json = (JsonObject) item;
            devices.add(new Device(json.getString("id"), json.getString("store"),
                    DeviceRole.valueOf(json.getString("role").toUpperCase(Locale.ROOT)),
                    DeviceStatus.fromWire(json.getString("status")), Optional.ofNullable(json.getString("certSerial")),
                    instant(json, "certExpiry"), instant(json, "lastSeen"),
                    Optional.ofNullable(json.getString("softwareVersion"))));
        }
        return List.copyOf(devices);
    }

    /** Revokes a device; hubs drop it within a minute. */
    public Revocation revoke(String deviceId) throws IOException, EnrollmentRefused {
        JsonObject entry = client.post("/devices/" + segment(deviceId) + "/revoke", new JsonObject(), adminKey)
                .getJsonArray("revocations").getJsonObject(0);
        return new Revocation(entry.getLong("sequence"), entry.getString("deviceId"), entry.getString("store"),
                entry.getString("serial"), Instant.parse(entry.getString("revokedAt")), entry.getString("reason"));
    }

    /** Revokes a device's certificate and returns the token its replacement enrolls with. */
    public TokenGrant replace(String deviceId) throws IOException, EnrollmentRefused {
        return grant(client.post("/devices/" + segment(deviceId) + "/replace", new JsonObject(), adminKey));
    }

    private TokenGrant grant(JsonObject json) {
        EnrollmentQr qr = new EnrollmentQr(json.getString("url"), json.getString("token"), caFingerprint);
        return new TokenGrant(qr, json.getString("store"),
                DeviceRole.valueOf(json.getString("role").toUpperCase(Locale.ROOT)),
                Instant.parse(json.getString("expiresAt")), Optional.ofNullable(json.getString("deviceId")));
    }

    private static Optional<Instant> instant(JsonObject json, String key) {
        return Optional.ofNullable(json.getString(key)).map(Instant::parse);
    }

    private static String segment(String deviceId) {
        return URLEncoder.encode(deviceId, StandardCharsets.UTF_8);
    }
}
