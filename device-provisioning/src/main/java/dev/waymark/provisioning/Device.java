package dev.waymark.provisioning;

import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.DeviceRole;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One enrolled device as the registry knows it.
 *
 * @param id              assigned by the service, a topic segment; the certificate's CN
 * @param storeId         the store it belongs to, a topic segment
 * @param role            kiosk or hub
 * @param status          where it is in its life
 * @param certSerial      the current certificate's serial, lower-case hex; empty while pending
 * @param certExpiry      the current certificate's notAfter; empty while pending
 * @param lastSeen        the last enrollment or renewal; empty if never
 * @param softwareVersion the version the device last reported; empty if never
 */
public record Device(String id, String storeId, DeviceRole role, DeviceStatus status, Optional<String> certSerial,
                     Optional<Instant> certExpiry, Optional<Instant> lastSeen, Optional<String> softwareVersion) {

    /** Validates; throws IllegalArgumentException naming the field. */
    public Device {
        Topics.requireSegment("id", id);
        Topics.requireSegment("storeId", storeId);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(certSerial, "certSerial");
        Objects.requireNonNull(certExpiry, "certExpiry");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        if (status != DeviceStatus.PENDING && certSerial.isEmpty()) {
            throw new IllegalArgumentException("certSerial: required once a device is " + status.wireName());
        }
    }

    /** A device that redeemed a token and waits for its certificate. */
    public static Device pending(String id, String storeId, DeviceRole role) {
        return new Device(id, storeId, role, DeviceStatus.PENDING, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
