package dev.waymark.protocol.device;

/** Whether a store hub reaches the cloud; on the wire in lower case ({@code up}, {@code down}). */
public enum LinkState {
    /** The hub is connected to the cloud: the cloud decides, kiosks may leave it to the cloud. */
    UP,
    /** The hub cannot reach the cloud: the store is offline and its kiosks decide locally. */
    DOWN
}
