package dev.waymark.provisioning;

import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.DeviceRole;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An enrollment token as the registry stores it: only the SHA-256 of its secret, never the secret.
 *
 * @param hash      SHA-256 of the token's secret part, 64 lower-case hex digits
 * @param storeId   the store the token enrolls into
 * @param role      the role the enrolled device gets
 * @param deviceId  for a replacement, the device id the new hardware takes over; else empty
 * @param createdBy who asked for it (for the audit log)
 * @param createdAt when it was made
 * @param expiresAt after this instant it is refused
 * @param usedAt    when it was redeemed; empty while unused
 */
public record TokenRecord(String hash, String storeId, DeviceRole role, Optional<String> deviceId, String createdBy,
                          Instant createdAt, Instant expiresAt, Optional<Instant> usedAt) {

    /** Validates; throws IllegalArgumentException naming the field. */
    public TokenRecord {
        Objects.requireNonNull(hash, "hash");
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("hash: must be 64 lower-case hex digits");
        }
        Topics.requireSegment("storeId", storeId);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(deviceId, "deviceId");
        deviceId.ifPresent(id -> Topics.requireSegment("deviceId", id));
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt: must be after createdAt");
        }
    }
}
