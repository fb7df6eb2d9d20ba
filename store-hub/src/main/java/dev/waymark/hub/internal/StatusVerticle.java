package dev.waymark.hub.internal;

import dev.waymark.hub.DevicePresence;
import dev.waymark.hub.HubSettings;
import dev.waymark.hub.HubStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /v1/status} for field techs: link state, buffer depth, counters and every device's presence, last seen
 * and clock skew. Taking the snapshot reads only memory, so it runs on the event loop.
 */
public final class StatusVerticle extends VerticleBase {

    private final HubSettings settings;
    private final HubRuntime runtime;
    private volatile int port;

    /** The verticle for one hub. */
    public StatusVerticle(HubSettings settings, HubRuntime runtime) {
        this.settings = settings;
        this.runtime = runtime;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/v1/status").handler(context -> context.response()
                .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(json(runtime.status()).encodePrettily()));
        return vertx.createHttpServer().requestHandler(router)
                .listen(settings.statusPort(), settings.statusHost())
                .map(HttpServer::actualPort)
                .onSuccess(actual -> port = actual);
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    static JsonObject json(HubStatus status) {
        JsonArray devices = new JsonArray();
        for (DevicePresence device : status.devices()) {
            JsonObject entry = new JsonObject().put("deviceId", device.deviceId()).put("online", device.online())
                    .put("lastSeen", device.lastSeen().toString());
            device.skew().ifPresent(skew -> entry.put("skewMillis", skew.toMillis()));
            devices.add(entry);
        }
        return new JsonObject().put("store", status.storeId()).put("hub", status.hubId())
                .put("time", status.time().toString())
                .put("link", status.linkUp() ? "up" : "down")
                .put("bufferDepth", status.bufferDepth())
                .put("devices", devices)
                .put("counters", new JsonObject().put("accepted", status.accepted())
                        .put("rejected", status.rejected()).put("refusedFull", status.refusedFull())
                        .put("refusedConnects", status.refusedConnects()).put("forwarded", status.forwarded())
                        .put("upstreamRefusals", status.upstreamRefusals()).put("brokerDrops", status.brokerDrops()));
    }
}
