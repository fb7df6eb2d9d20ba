package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.insight.KpiRecorder;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Source;
import io.vertx.core.json.JsonObject;

/** Live-feed items ({@code LiveFeed}) for processed events: ids and types only, never payloads. */
final class LiveItems {

    private LiveItems() {
    }

    static JsonObject event(CloudEvent event, Source source, String profileId) {
        JsonObject item = new JsonObject().put("kind", "event")
                .put("store", source.storeId().orElse(KpiRecorder.WEB))
                .put("profile", profileId).put("type", event.type()).put("id", event.id())
                .put("at", event.time().toString());
        source.deviceId().ifPresent(device -> item.put("device", device));
        return item;
    }
}
