package dev.waymark.hub.internal;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** The hub's own broker as the bridge sees it: where downlinks go, and who can be thrown out. */
interface LocalBroker {

    /** Publishes QoS 1 into the local broker; completes when the broker has taken it. */
    CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained, OptionalLong expirySeconds);

    /** Disconnects a client now, if connected. */
    CompletableFuture<Boolean> disconnect(String clientId);
}
