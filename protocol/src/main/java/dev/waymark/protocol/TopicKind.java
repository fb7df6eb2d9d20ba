package dev.waymark.protocol;

/**
 * The kinds of topic in the {@code wm/v1/} tree, with how each is published (DESIGN.md section 5).
 */
public enum TopicKind {
    /** {@code wm/v1/s/{store}/d/{device}/events}: device to cloud, QoS 1, not retained. */
    EVENTS("events", 1, false, true),
    /** {@code wm/v1/s/{store}/d/{device}/actions}: cloud to device, QoS 1, message expiry = the action's TTL. */
    ACTIONS("actions", 1, false, true),
    /** {@code wm/v1/s/{store}/d/{device}/status}: device state, QoS 1, retained, last will "offline". */
    STATUS("status", 1, true, true),
    /** {@code wm/v1/s/{store}/d/{device}/cmd}: cloud to device commands, QoS 1, not retained. */
    CMD("cmd", 1, false, true),
    /** {@code wm/v1/s/{store}/bundle}: the store's decision bundle, QoS 1, retained. */
    BUNDLE("bundle", 1, true, false),
    /**
     * {@code wm/v1/s/{store}/link}: the hub's link to the cloud ({@code StoreLink}), QoS 1, retained, published by
     * the hub into its own broker only (never forwarded upstream).
     */
    LINK("link", 1, true, false);

    private final String segment;
    private final int qos;
    private final boolean retained;
    private final boolean perDevice;

    TopicKind(String segment, int qos, boolean retained, boolean perDevice) {
        this.segment = segment;
        this.qos = qos;
        this.retained = retained;
        this.perDevice = perDevice;
    }

    /** The last topic level, e.g. {@code events}. */
    public String segment() {
        return segment;
    }

    /** The MQTT QoS messages on this topic are published with. */
    public int qos() {
        return qos;
    }

    /** Whether messages on this topic are published retained. */
    public boolean retained() {
        return retained;
    }

    /** Whether the topic sits under a device ({@code .../d/{device}/...}) rather than directly under a store. */
    public boolean perDevice() {
        return perDevice;
    }
}
