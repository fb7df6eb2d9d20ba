package dev.waymark.cloud.internal.gateway;

import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.DecisionBundle;
import io.vertx.core.Future;

/** Sends down the topic tree to stores and devices, through the device gateway broker. */
public interface DeviceChannel {

    /**
     * Publishes {@code action} on {@code wm/v1/s/{store}/d/{device}/actions}, QoS 1, with MQTT message expiry set to
     * the time left until {@link Action#expiresAt()}; completes when the broker acknowledged it, fails when the
     * action has already expired.
     */
    Future<Void> sendAction(String storeId, String deviceId, Action action);

    /** Publishes {@code bundle} retained on {@code wm/v1/s/{store}/bundle}, QoS 1. */
    Future<Void> publishBundle(String storeId, DecisionBundle bundle);
}
