package dev.waymark.cloud.internal;

/**
 * The event-bus address of the live stream the console watches. The pipeline publishes one JSON object per event,
 * decision and action: {@code {"kind": "event"|"decision"|"action", "store": "<store id or web>", "device":
 * "<device id, optional>", "profile": "<profile id, optional>", "type": "<event type or action id>", "id": "...",
 * "at": "<ISO-8601>"}}; only pseudonymous ids, never personal data.
 */
public final class LiveFeed {

    /** Local event-bus address (never clustered). */
    public static final String ADDRESS = "wm.live";

    private LiveFeed() {
    }
}
