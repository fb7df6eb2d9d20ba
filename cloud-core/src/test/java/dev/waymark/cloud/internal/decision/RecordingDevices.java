package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.gateway.DeviceChannel;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.DecisionBundle;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The device gateway seam, recording what was sent; {@link #refuse} makes it fail like an unreachable broker. */
final class RecordingDevices implements DeviceChannel {

    final Map<String, DecisionBundle> bundles = new ConcurrentHashMap<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    volatile boolean refuse;

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
