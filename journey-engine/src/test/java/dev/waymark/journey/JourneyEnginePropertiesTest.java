package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Ulid;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.CartRemove;
import dev.waymark.protocol.event.CheckoutStart;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.Search;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionEnd;
import dev.waymark.protocol.event.SessionStart;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

class JourneyEnginePropertiesTest {

    /** One generated step: what happens, on which device, with which argument, minutes after the previous one. */
    record Op(int kind, int device, int arg, int minutes) {
    }

    private final JourneyEngine underTest = JourneyEngine.defaults();

    @Property(tries = 150)
    void applyingAnEventTwice_givesTheSameStateAsOnce(@ForAll("histories") List<Op> ops) {
        JourneyContext state = JourneyContext.empty("p-1");
        long[] sequences = new long[24];
        Instant now = Events.T0;
        for (Op op : ops) {
            now = now.plus(Duration.ofMinutes(op.minutes()));
            if (op.kind() == 12) {
                state = fireEarliest(state);
                continue;
            }
            CloudEvent event = event(op, now, ++sequences[op.device()]);
            Step once = underTest.onEvent(state, event);
            Step twice = underTest.onEvent(once.state(), event);

            assertThat(twice.state()).isEqualTo(once.state());
            assertThat(twice.intents()).isEmpty();
            assertThat(twice.timers()).isEmpty();
            state = once.state();
        }
    }

    @Property(tries = 150)
    void contextSize_staysBounded(@ForAll("histories") List<Op> ops) {
        JourneySettings limits = underTest.settings();
        JourneyContext state = JourneyContext.empty("p-1");
        long[] sequences = new long[24];
        Instant now = Events.T0;
        for (Op op : ops) {
            now = now.plus(Duration.ofMinutes(op.minutes()));
            state = op.kind() == 12 ? fireEarliest(state)
                    : underTest.onEvent(state, event(op, now, ++sequences[op.device()])).state();

            assertThat(state.recent()).hasSizeLessThanOrEqualTo(limits.recentActivities());
            assertThat(state.cart()).hasSizeLessThanOrEqualTo(limits.cartLines());
            assertThat(state.serviceJourneys()).hasSizeLessThanOrEqualTo(limits.serviceJourneys());
            assertThat(state.counters().asMap()).hasSizeLessThanOrEqualTo(limits.counterKeys());
            assertThat(state.counters().asMap().values()).allSatisfy(times ->
                    assertThat(times).hasSizeLessThanOrEqualTo(IntentPattern.MAX_THRESHOLD));
            assertThat(state.pendingTimers()).hasSizeLessThanOrEqualTo(limits.pendingTimers());
            assertThat(state.lastFired()).hasSizeLessThanOrEqualTo(64);
            assertThat(state.sources()).hasSizeLessThanOrEqualTo(limits.sources());
            assertThat(state.webEventIds()).hasSizeLessThanOrEqualTo(limits.webEventIds());
            assertThat(state.sessions()).hasSizeLessThanOrEqualTo(Channel.values().length);
        }
    }

    @Property(tries = 150)
    void codec_readsBackEveryContextItWrote(@ForAll("histories") List<Op> ops) {
        JourneyContext state = JourneyContext.empty("p-1");
        long[] sequences = new long[24];
        Instant now = Events.T0.plusNanos(123_456_789);
        for (Op op : ops) {
            now = now.plus(Duration.ofMinutes(op.minutes()));
            state = op.kind() == 12 ? fireEarliest(state)
                    : underTest.onEvent(state, event(op, now, ++sequences[op.device()])).state();

            assertThat(JourneyContextCodec.read(JourneyContextCodec.write(state))).isEqualTo(state);
        }
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 79),
                Arbitraries.integers().between(0, 45).withDistribution(RandomDistribution.biased())).as(Op::new);
        return op.list().ofMaxSize(250);
    }

    private JourneyContext fireEarliest(JourneyContext state) {
        return state.pendingTimers().values().stream().min(Comparator.comparing(PendingTimer::dueAt))
                .map(t -> underTest.onTimer(state, new TimerFired(t.timerId(), t.dueAt())).state()).orElse(state);
    }

    /** Devices 0..19 are kiosks; 20..23 send web track calls. Many SKUs and categories stress the limits. */
    private static CloudEvent event(Op op, Instant at, long sequence) {
        String session = "s-" + op.device() + "-" + (op.arg() % 3);
        String sku = "sku-" + op.arg();
        String category = "cat-" + (op.arg() % 40);
        if (op.device() >= 20) {
            String name = List.of("Product Viewed", "Product Added", "Order Completed", "Service Resolved")
                    .get(op.kind() % 4);
            return CloudEvent.of("web-" + op.device() + "-" + sequence, Source.web("wk-" + op.device()), at, 0,
                    new dev.waymark.protocol.event.WebTrack(Optional.of("anon"), Optional.empty(), name,
                            Json.createObjectBuilder().add("sku", sku).add("category", category).build(),
                            Json.createObjectBuilder().build()));
        }
        Payload data = switch (op.kind()) {
            case 0, 1 -> new ProductView(session, sku, category, 500, "EUR");
            case 2, 3 -> new CartAdd(session, sku, category, 1 + op.arg() % 3, 500, "EUR");
            case 4 -> new CartRemove(session, sku, category, 1, 500, "EUR");
            case 5 -> new CheckoutStart(session, 1, 500, "EUR");
            case 6 -> new Purchase(session, "o-" + sequence, 500, "EUR", List.of());
            case 7 -> new Search(session, Optional.empty(), op.arg() % 2);
            case 8 -> new ServiceRequest(session, "topic-" + op.arg() % 12, Optional.empty());
            case 9 -> new SessionStart(session, "en-GB");
            default -> new SessionEnd(session, "timeout", 1000);
        };
        return CloudEvent.of(Ulid.of(at.toEpochMilli(), op.device(), sequence), Source.device("s1",
                "kiosk-" + op.device()), at, sequence, data);
    }
}
