package dev.waymark.provisioning.internal;

import dev.waymark.protocol.device.DeviceRole;
import java.util.Objects;
import java.util.Optional;

/**
 * What a device sends to enroll.
 *
 * @param token           the enrollment token text
 * @param role            what the device is (the command it runs: edge or hub)
 * @param csr             PEM PKCS#10 for its client key
 * @param serverCsr       hubs only: PEM PKCS#10 for its TLS server key
 * @param softwareVersion the agent's version, for the registry
 */
public record EnrollRequest(String token, DeviceRole role, String csr, Optional<String> serverCsr,
                            String softwareVersion) {

    /** Throws NullPointerException naming a missing field. */
    public EnrollRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(serverCsr, "serverCsr");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
    }

    /** The store named in the token text, for the audit log; {@code -} when the token is malformed. */
    public String storeHint() {
        return TokenCodec.parse(token).map(TokenCodec.Parsed::storeId).acceptedValue().orElse("-");
    }
}
