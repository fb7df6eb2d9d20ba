package dev.waymark.protocol.device;

import dev.waymark.protocol.Topics;
import dev.waymark.protocol.internal.Check;

import java.util.List;

/**
 * What enrollment hands a device: who it is, where its hub is, and what it must trust. Holds no secret: the
 * pseudonymization key stays in the device's keystore under {@code pseudonymizationKeyAlias}.
 *
 * @param storeId                  the store, a topic segment
 * @param deviceId                 the device, a topic segment; equals its certificate's id
 * @param role                     kiosk or hub
 * @param hubAddress               the MQTT broker to connect to, e.g. {@code ssl://hub.store-1.local:8883}
 * @param topicRoot                the topic root, {@link Topics#ROOT}
 * @param caFingerprint            SHA-256 of the device CA certificate (DER), 64 lower-case hex digits
 * @param trustAnchorsPem          PEM certificates to trust for the hub and the cloud, at least one
 * @param bundleVerificationKey    the public key that verifies decision bundles, PEM
 * @param pseudonymizationKeyAlias the keystore alias of the pseudonymization key
 */
public record DeviceConfig(String storeId, String deviceId, DeviceRole role, String hubAddress, String topicRoot,
                           String caFingerprint, List<String> trustAnchorsPem, String bundleVerificationKey,
                           String pseudonymizationKeyAlias) {

    /** Validates every field; throws IllegalArgumentException naming it. */
    public DeviceConfig {
        Check.text("storeId", storeId);
        Check.text("deviceId", deviceId);
        requireSegment("storeId", storeId);
        requireSegment("deviceId", deviceId);
        Check.present("role", role);
        Check.text("hubAddress", hubAddress);
        Check.text("topicRoot", topicRoot);
        if (!topicRoot.equals(Topics.ROOT)) {
            throw new IllegalArgumentException("topicRoot: must be " + Topics.ROOT);
        }
        Check.text("caFingerprint", caFingerprint);
        if (!caFingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("caFingerprint: must be 64 lower-case hex digits (SHA-256)");
        }
        trustAnchorsPem = Check.list("trustAnchorsPem", trustAnchorsPem);
        if (trustAnchorsPem.isEmpty()) {
            throw new IllegalArgumentException("trustAnchorsPem: needs at least one certificate");
        }
        for (int i = 0; i < trustAnchorsPem.size(); i++) {
            if (!trustAnchorsPem.get(i).contains("-----BEGIN CERTIFICATE-----")) {
                throw new IllegalArgumentException("trustAnchorsPem[" + i + "]: is not a PEM certificate");
            }
        }
        Check.present("bundleVerificationKey", bundleVerificationKey);
        if (!bundleVerificationKey.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalArgumentException("bundleVerificationKey: is not a PEM public key");
        }
        Check.text("pseudonymizationKeyAlias", pseudonymizationKeyAlias);
    }

    private static void requireSegment(String field, String id) {
        try {
            Topics.requireSegment(field, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
