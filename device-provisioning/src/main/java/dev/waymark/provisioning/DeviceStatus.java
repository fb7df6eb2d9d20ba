package dev.waymark.provisioning;

/** Where a device is in its life; on the wire and in the registry in lower case. */
public enum DeviceStatus {
    /** A token was redeemed and an id assigned; the certificate is not issued yet (or issuing failed). */
    PENDING,
    /** Holds a valid certificate and may connect. */
    ACTIVE,
    /** Cut off by an operator; its certificate is on the revocation list. */
    REVOKED,
    /** Its hardware is being replaced: the old certificate is revoked, the id waits for the new kiosk. */
    REPLACED;

    /** The lower-case wire name. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status named {@code wire}; IllegalArgumentException naming {@code status} otherwise. */
    public static DeviceStatus fromWire(String wire) {
        for (DeviceStatus status : values()) {
            if (status.wireName().equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status: unknown value " + wire);
    }
}
