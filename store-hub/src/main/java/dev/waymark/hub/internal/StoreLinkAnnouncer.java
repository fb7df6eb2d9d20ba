package dev.waymark.hub.internal;

import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.device.StoreLink;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Tells the store's kiosks whether the hub reaches the cloud: a retained {@link StoreLink} on
 * {@code wm/v1/s/{store}/link} in the hub's own broker, published at start ({@code down} until the bridge connects)
 * and on every change. Publishes one at a time and always the latest state, so a quick flap cannot leave an older
 * state retained. A kiosk decides locally while it reads {@code down} (docs/edge.md).
 */
final class StoreLinkAnnouncer {

    private static final System.Logger LOG = System.getLogger(StoreLinkAnnouncer.class.getName());

    private final LocalBroker local;
    private final String topic;
    private final Clock clock;
    private final ContractCodec codec = ContractCodec.create();
    private Optional<StoreLink> current = Optional.empty();
    private Optional<StoreLink> waiting = Optional.empty();
    private boolean publishing;

    StoreLinkAnnouncer(LocalBroker local, String storeId, Clock clock) {
        this.local = local;
        this.topic = Topics.link(storeId);
        this.clock = clock;
    }

    /** Announces the link's state if it differs from the last one announced; {@code since} is now. */
    synchronized void linkChanged(boolean up) {
        LinkState state = up ? LinkState.UP : LinkState.DOWN;
        StoreLink latest = waiting.or(() -> current).orElse(null);
        if (latest != null && latest.upstream() == state) {
            return;
        }
        waiting = Optional.of(new StoreLink(state, clock.instant()));
        if (!publishing) {
            publishWaiting();
        }
    }

    /** The state last published into the broker, if any. */
    synchronized Optional<StoreLink> current() {
        return current;
    }

    private void publishWaiting() {
        StoreLink next = waiting.orElseThrow();
        waiting = Optional.empty();
        publishing = true;
        CompletableFuture<Void> publish;
        try {
            publish = local.publish(topic, codec.encode(next), true, OptionalLong.empty());
        } catch (RuntimeException e) {
            publish = CompletableFuture.failedFuture(e);
        }
        publish.whenComplete((ok, failure) -> published(next, failure));
    }

    private synchronized void published(StoreLink link, Throwable failure) {
        publishing = false;
        if (failure != null) {
            // Kiosks keep the previous state; the next change publishes again.
            LOG.log(Level.WARNING, "store link " + link.upstream() + " not announced to kiosks: " + failure);
        } else {
            current = Optional.of(link);
            LOG.log(Level.INFO, "announced to kiosks: upstream " + link.upstream() + " since " + link.since());
        }
        if (waiting.isPresent()) {
            publishWaiting();
        }
    }
}
