package dev.waymark.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * The CloudEvents {@code source} of a Waymark event: a device, {@code wm:/s/{store}/d/{device}}, or a web/app
 * write key, {@code wm:/web/{writeKey}}. Every id follows {@link Topics#requireSegment(String, String)}.
 */
public final class Source {

    private static final String DEVICE_PREFIX = "wm:/s/";
    private static final String WEB_PREFIX = "wm:/web/";

    private final String storeId;
    private final String deviceId;
    private final String writeKey;
    private final String text;

    private Source(String storeId, String deviceId, String writeKey, String text) {
        this.storeId = storeId;
        this.deviceId = deviceId;
        this.writeKey = writeKey;
        this.text = text;
    }

    /** A device source; throws IllegalArgumentException naming the id when one is not a valid segment. */
    public static Source device(String storeId, String deviceId) {
        Topics.requireSegment("store id", storeId);
        Topics.requireSegment("device id", deviceId);
        return new Source(storeId, deviceId, null, DEVICE_PREFIX + storeId + "/d/" + deviceId);
    }

    /** A web/app source; throws IllegalArgumentException naming the key when it is not a valid segment. */
    public static Source web(String writeKey) {
        Topics.requireSegment("write key", writeKey);
        return new Source(null, null, writeKey, WEB_PREFIX + writeKey);
    }

    /** Parses either form; throws IllegalArgumentException saying what is wrong. */
    public static Source parse(String text) {
        Objects.requireNonNull(text, "source");
        if (text.startsWith(WEB_PREFIX)) {
            return web(text.substring(WEB_PREFIX.length()));
        }
        if (text.startsWith(DEVICE_PREFIX)) {
            String rest = text.substring(DEVICE_PREFIX.length());
            int marker = rest.indexOf("/d/");
            if (marker > 0) {
                return device(rest.substring(0, marker), rest.substring(marker + 3));
            }
        }
        throw new IllegalArgumentException("source must be wm:/s/{store}/d/{device} or wm:/web/{writeKey}");
    }

    /** True for a device source. */
    public boolean isDevice() {
        return deviceId != null;
    }

    /** The store id of a device source; empty for web/app. */
    public Optional<String> storeId() {
        return Optional.ofNullable(storeId);
    }

    /** The device id of a device source; empty for web/app. */
    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    /** The write key of a web/app source; empty for a device. */
    public Optional<String> writeKey() {
        return Optional.ofNullable(writeKey);
    }

    /** The wire form, e.g. {@code wm:/s/store-1/d/kiosk-7}. */
    public String format() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Source that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
