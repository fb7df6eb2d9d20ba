package dev.waymark.provisioning;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the revocation change feed: a certificate that must no longer be accepted.
 *
 * @param sequence   position in the feed, strictly increasing from 1
 * @param deviceId   the device the certificate was issued to
 * @param storeId    its store, so a hub can follow only its own
 * @param serial     the certificate serial, lower-case hex
 * @param revokedAt  when it was revoked
 * @param reason     {@code revoked} or {@code replaced}
 */
public record Revocation(long sequence, String deviceId, String storeId, String serial, Instant revokedAt,
                         String reason) {

    /** Validates; throws IllegalArgumentException naming the field. */
    public Revocation {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence: must be >= 1, got " + sequence);
        }
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(serial, "serial");
        if (!serial.matches("[0-9a-f]{1,40}")) {
            throw new IllegalArgumentException("serial: must be lower-case hex");
        }
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
    }
}
