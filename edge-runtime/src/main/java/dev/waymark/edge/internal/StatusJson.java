package dev.waymark.edge.internal;

import dev.waymark.edge.EdgeStatus;
import jakarta.json.spi.JsonProvider;

/** {@link EdgeStatus} as the JSON of {@code GET /v1/status}. */
final class StatusJson {

    // Json.createObjectBuilder looks the provider up through ServiceLoader on every call; look it up once.
    private static final JsonProvider JSON = JsonProvider.provider();

    private StatusJson() {
    }

    static String of(EdgeStatus status) {
        return JSON.createObjectBuilder()
                .add("connected", status.connected())
                .add("storeOnline", status.storeOnline())
                .add("outboxEvents", status.outboxEvents())
                .add("outboxBytes", status.outboxBytes())
                .add("quotaBytes", status.quotaBytes())
                .add("overQuota", status.overQuota())
                .add("dropped", status.dropped())
                .add("refused", status.refused())
                .add("bundleVersion", status.bundleVersion())
                .add("offlineDecisions", status.offlineDecisions())
                .build().toString();
    }
}
