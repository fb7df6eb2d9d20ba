package dev.waymark.protocol.device;

/** What an enrolled device is; on the wire in lower case ({@code kiosk}). */
public enum DeviceRole {
    /** A kiosk running edge-runtime. */
    KIOSK,
    /** A store hub running store-hub. */
    HUB
}
