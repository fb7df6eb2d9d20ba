package dev.waymark.provisioning;

import dev.waymark.protocol.device.DeviceRole;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token as the service hands it to a field tech, once. {@link #toString()} hides the token.
 *
 * @param qr        what to show the device: URL, token and CA fingerprint
 * @param storeId   the store it enrolls into
 * @param role      the role it grants
 * @param expiresAt when it stops working
 * @param deviceId  for a replacement, the device id the new hardware takes over
 */
public record TokenGrant(EnrollmentQr qr, String storeId, DeviceRole role, Instant expiresAt,
                         Optional<String> deviceId) {

    /** Throws NullPointerException naming a missing field. */
    public TokenGrant {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    /** The token text. */
    public String token() {
        return qr.token();
    }
}
