package dev.waymark.protocol;

import java.util.Optional;

/**
 * Builders and parsers for the MQTT topic tree rooted at {@value #ROOT} (DESIGN.md section 5). Every id that
 * becomes a topic level is checked by {@link #requireSegment}: 1 to {@link Limits#MAX_SEGMENT_CHARS} characters
 * of ASCII letters, digits, {@code .}, {@code _} and {@code -}, so no id can add a level ({@code /}), a wildcard
 * ({@code +}, {@code #}), a NUL, whitespace or anything non-printable.
 */
public final class Topics {

    /** The root of every Waymark topic, versioned so a v2 tree can run beside it. */
    public static final String ROOT = "wm/v1/";

    private Topics() {
    }

    /** {@code wm/v1/s/{store}/d/{device}/events}; throws IllegalArgumentException naming a bad id. */
    public static String events(String storeId, String deviceId) {
        return device(TopicKind.EVENTS, storeId, deviceId).name();
    }

    /** {@code wm/v1/s/{store}/d/{device}/actions}; throws IllegalArgumentException naming a bad id. */
    public static String actions(String storeId, String deviceId) {
        return device(TopicKind.ACTIONS, storeId, deviceId).name();
    }

    /** {@code wm/v1/s/{store}/d/{device}/status}; throws IllegalArgumentException naming a bad id. */
    public static String status(String storeId, String deviceId) {
        return device(TopicKind.STATUS, storeId, deviceId).name();
    }

    /** {@code wm/v1/s/{store}/d/{device}/cmd}; throws IllegalArgumentException naming a bad id. */
    public static String cmd(String storeId, String deviceId) {
        return device(TopicKind.CMD, storeId, deviceId).name();
    }

    /** {@code wm/v1/s/{store}/bundle}; throws IllegalArgumentException naming a bad id. */
    public static String bundle(String storeId) {
        return new Topic(TopicKind.BUNDLE, storeId, Optional.empty()).name();
    }

    /** {@code wm/v1/s/{store}/link}: the hub's link state, for its kiosks; IllegalArgumentException on a bad id. */
    public static String link(String storeId) {
        return new Topic(TopicKind.LINK, storeId, Optional.empty()).name();
    }

    /** A per-device topic of the given kind; throws IllegalArgumentException for a store-wide kind or a bad id. */
    public static Topic device(TopicKind kind, String storeId, String deviceId) {
        requireSegment("device id", deviceId);
        return new Topic(kind, storeId, Optional.of(deviceId));
    }

    /** Filter matching one kind for every device of every store, e.g. {@code wm/v1/s/+/d/+/events}. */
    public static String allDevicesFilter(TopicKind kind) {
        return kind.perDevice() ? ROOT + "s/+/d/+/" + kind.segment() : ROOT + "s/+/" + kind.segment();
    }

    /** Filter matching one kind for every device of one store, e.g. {@code wm/v1/s/store-1/d/+/events}. */
    public static String storeDevicesFilter(TopicKind kind, String storeId) {
        requireSegment("store id", storeId);
        return kind.perDevice() ? ROOT + "s/" + storeId + "/d/+/" + kind.segment()
                : new Topic(kind, storeId, Optional.empty()).name();
    }

    /** Filter matching every topic of one device: {@code wm/v1/s/{store}/d/{device}/#}. */
    public static String deviceFilter(String storeId, String deviceId) {
        requireSegment("store id", storeId);
        requireSegment("device id", deviceId);
        return ROOT + "s/" + storeId + "/d/" + deviceId + "/#";
    }

    /**
     * MQTT 5 shared subscription to a kind for every device: {@code $share/{group}/wm/v1/s/+/d/+/events}.
     * Throws IllegalArgumentException naming a bad group.
     */
    public static String shared(String group, TopicKind kind) {
        requireSegment("share group", group);
        return "$share/" + group + "/" + allDevicesFilter(kind);
    }

    /** Parses a topic name (not a filter) of this tree; the rejection names what is wrong, field {@code topic}. */
    public static Decoded<Topic> parse(String topic) {
        if (topic == null) {
            return Decoded.rejected("topic", "is missing");
        }
        if (!topic.startsWith(ROOT + "s/")) {
            return Decoded.rejected("topic", "must start with " + ROOT + "s/");
        }
        String[] levels = topic.substring(ROOT.length()).split("/", -1);
        try {
            if (levels.length == 3) {
                for (TopicKind kind : TopicKind.values()) {
                    if (!kind.perDevice() && kind.segment().equals(levels[2])) {
                        return Decoded.accepted(new Topic(kind, levels[1], Optional.empty()));
                    }
                }
            }
            if (levels.length == 5 && levels[2].equals("d")) {
                for (TopicKind kind : TopicKind.values()) {
                    if (kind.perDevice() && kind.segment().equals(levels[4])) {
                        return Decoded.accepted(device(kind, levels[1], levels[3]));
                    }
                }
                return Decoded.rejected("topic", "unknown device topic kind \"" + clip(levels[4]) + "\"");
            }
        } catch (IllegalArgumentException e) {
            return Decoded.rejected("topic", e.getMessage());
        }
        return Decoded.rejected("topic", "is not s/{store}/bundle, s/{store}/link or s/{store}/d/{device}/{kind} under "
                + ROOT);
    }

    /**
     * Checks that {@code id} is safe as one topic level and one URI path segment; returns it. Throws
     * IllegalArgumentException naming {@code what} and the id otherwise.
     */
    public static String requireSegment(String what, String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (id.length() > Limits.MAX_SEGMENT_CHARS) {
            throw new IllegalArgumentException(what + " \"" + clip(id) + "\" is longer than "
                    + Limits.MAX_SEGMENT_CHARS + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException(what + " \"" + clip(id) + "\" has " + describe(c) + " at "
                        + i + "; allowed are ASCII letters, digits, '.', '_' and '-'");
            }
        }
        return id;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static String clip(String id) {
        String cut = id.length() > 40 ? id.substring(0, 40) + "..." : id;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x20 && cp != 0x7F ? cp : '?'));
        return out.toString();
    }
}
