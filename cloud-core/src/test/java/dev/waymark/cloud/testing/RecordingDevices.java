package dev.waymark.cloud.testing;

import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.DecisionBundle;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The device gateway seam, recording what was sent; {@link #refuse} makes it fail like an unreachable broker. */
public final class RecordingDevices implements DeviceChannel {

    public final Map<String, DecisionBundle> bundles = new ConcurrentHashMap<>();
    public final List<String> actions = new CopyOnWriteArrayList<>();
    public volatile boolean refuse;

    @Override
    public Future<Void> sendAction(String storeId, String deviceId, Action action) {
        if (refuse) {
            return Future.failedFuture("broker unreachable");
        }
        actions.add(storeId + "/" + deviceId + "/" + action.actionId() + "/" + action.decisionId());
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> publishBundle(String storeId, DecisionBundle bundle) {
        if (refuse) {
            return Future.failedFuture("broker unreachable");
        }
        bundles.put(storeId, bundle);
        return Future.succeededFuture();
    }
}
