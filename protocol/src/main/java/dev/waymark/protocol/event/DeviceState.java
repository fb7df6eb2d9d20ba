package dev.waymark.protocol.event;

/** A device's reported state; on the wire in lower case ({@code online}). */
public enum DeviceState {
    /** Connected and working. */
    ONLINE,
    /** Working with a problem (e.g. buffer filling, printer out). */
    DEGRADED,
    /** Disconnected; published as the last will. */
    OFFLINE
}
