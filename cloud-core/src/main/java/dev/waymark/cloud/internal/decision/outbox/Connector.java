package dev.waymark.cloud.internal.decision.outbox;

import io.vertx.core.Future;

/**
 * Delivers the outbox messages of one destination kind ({@link OutboxMessage#kind()}); the {@link OutboxDrainer}
 * dispatches each due message to the connector of its kind and owns retries, backoff and dead letters.
 */
@FunctionalInterface
public interface Connector {

    /**
     * Sends {@code message} once, on the event loop. Fails with a {@link DeliveryFailure} to say the message can
     * never be delivered or when to try again; any other failure is retried with the drainer's backoff.
     */
    Future<Void> send(OutboxMessage message);
}
