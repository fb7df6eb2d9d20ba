package dev.waymark.protocol;

/**
 * Every size limit of the wire contract, in one place. The codec, the topic builders and the id parsers all read
 * these constants; {@code docs/protocol.md} lists them.
 */
public final class Limits {

    /** Largest encoded event, in bytes of UTF-8 JSON: 32 KB, Segment's per-event limit. */
    public static final int MAX_EVENT_BYTES = 32 * 1024;
    /** Largest encoded batch, in bytes of UTF-8 JSON: 500 KB, Segment's per-batch limit. */
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    /** Most events in one batch; the uplink's in-flight window is sized below it. */
    public static final int MAX_BATCH_EVENTS = 1000;
    /** Longest event id: 100 characters, as Segment allows for {@code messageId}. */
    public static final int MAX_ID_CHARS = 100;
    /** Longest store id, device id, write key or shared-subscription group: one topic segment. */
    public static final int MAX_SEGMENT_CHARS = 64;
    /** Longest {@code type} attribute. */
    public static final int MAX_TYPE_CHARS = 100;
    /** Longest {@code source} or {@code dataschema} attribute. */
    public static final int MAX_URI_CHARS = 256;
    /** Longest string anywhere inside {@code data} (free text included). */
    public static final int MAX_STRING_CHARS = 2000;
    /** Most elements in a list inside {@code data} (purchase items, decision candidates). */
    public static final int MAX_LIST_ITEMS = 500;
    /** Deepest JSON nesting accepted anywhere, free-form objects included. */
    public static final int MAX_JSON_DEPTH = 16;
    /** Largest contract record ({@code Action}, {@code Decision}, {@code DeviceConfig}) in bytes. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;
    /** Largest decision bundle envelope in bytes (the bundle carries the whole action catalog). */
    public static final int MAX_BUNDLE_BYTES = 8 * 1024 * 1024;

    private Limits() {
    }
}
