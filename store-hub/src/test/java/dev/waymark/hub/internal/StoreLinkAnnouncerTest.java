package dev.waymark.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.device.StoreLink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The publish order under flaps. The broker's side of a publish completes when the test says so (a real broker
 * completes on its own threads, which would leave the interleaving to chance); HubOutageIT runs the real one.
 */
class StoreLinkAnnouncerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    /** Records each publish and completes it only on {@link #complete}. */
    private static final class HeldBroker implements LocalBroker {
        final List<String> topics = new ArrayList<>();
        final List<StoreLink> links = new ArrayList<>();
        final List<Boolean> retained = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain, OptionalLong expiry) {
            topics.add(topic);
            links.add(ContractCodec.create().decode(payload, StoreLink.class).orElseThrow());
            retained.add(retain);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return done;
        }

        @Override
        public CompletableFuture<Boolean> disconnect(String clientId) {
            return CompletableFuture.completedFuture(false);
        }

        void complete(int index) {
            pending.get(index).complete(null);
        }
    }

    private final HeldBroker broker = new HeldBroker();
    private final StoreLinkAnnouncer underTest = new StoreLinkAnnouncer(broker, "store-1",
            Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void linkChanged_publishesTheStateRetainedOnTheStoreLinkTopic() {
        underTest.linkChanged(false);
        broker.complete(0);

        assertThat(broker.topics).containsExactly("wm/v1/s/store-1/link");
        assertThat(broker.retained).containsExactly(true);
        assertThat(broker.links).containsExactly(new StoreLink(LinkState.DOWN, T0));
        assertThat(underTest.current()).contains(new StoreLink(LinkState.DOWN, T0));
    }

    @Test
    void linkChanged_sameStateAgain_publishesNothingNew() {
        underTest.linkChanged(true);
        broker.complete(0);

        underTest.linkChanged(true);

        assertThat(broker.links).hasSize(1);
    }

    @Test
    void linkChanged_flapsWhilePublishing_publishesOneAtATimeEndingWithTheLatest() {
        underTest.linkChanged(false);
        underTest.linkChanged(true);
        underTest.linkChanged(false);
        underTest.linkChanged(true);
        assertThat(broker.links).as("nothing else while the first publish is in flight").hasSize(1);

        broker.complete(0);

        assertThat(broker.links).extracting(StoreLink::upstream).containsExactly(LinkState.DOWN, LinkState.UP);
        broker.complete(1);
        assertThat(underTest.current().map(StoreLink::upstream)).contains(LinkState.UP);
    }

    @Test
    void linkChanged_afterAFailedPublish_publishesTheNextChange() {
        underTest.linkChanged(true);
        broker.pending.get(0).completeExceptionally(new IllegalStateException("broker stopping"));

        underTest.linkChanged(false);
        broker.complete(1);

        assertThat(underTest.current().map(StoreLink::upstream)).contains(LinkState.DOWN);
    }
}
