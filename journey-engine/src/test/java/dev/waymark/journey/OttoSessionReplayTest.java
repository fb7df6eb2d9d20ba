package dev.waymark.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Ulid;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.LineItem;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.SessionEnd;
import dev.waymark.protocol.event.SessionStart;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Replays the 20 real OTTO sessions as kiosk sessions (clicks as product views, carts as cart adds, orders as
 * purchases) through a host that keeps a timer wheel, and checks where cart abandonment fires.
 */
class OttoSessionReplayTest {

    private static final String FILE = "otto_session_sample/train_first20_sessions.jsonl";

    /** The cart timer outlasts every sample session (the longest spans 28 days), so session ends decide. */
    private final JourneyEngine underTest = JourneyEngine.of(ActivityMapping.defaults(), IntentPatterns.of(List.of(
            new IntentPattern.CartAbandonment("cart_abandonment", IntentPattern.MAX_TIMER_MINUTES, true),
            new IntentPattern.JourneyCompletion("journey_completion"))));

    @Test
    void replay_cartAbandonmentFiresExactlyForSessionsEndingWithUnorderedCartAdds() throws IOException {
        Set<Long> fired = new TreeSet<>();
        Set<Long> cartWithoutAnyOrder = new TreeSet<>();
        Set<Long> cartAfterLastOrder = new TreeSet<>();
        for (String line : Datasets.read(FILE).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject session = Json.createReader(new StringReader(line)).readObject();
            long id = session.getJsonNumber("session").longValue();
            List<JsonObject> events = session.getJsonArray("events").getValuesAs(JsonValue::asJsonObject);
            long lastCart = lastTs(events, "carts");
            long lastOrder = lastTs(events, "orders");
            if (lastCart >= 0 && lastOrder < 0) {
                cartWithoutAnyOrder.add(id);
            }
            if (lastCart > lastOrder) {
                cartAfterLastOrder.add(id);
            }
            if (replay(id, events).stream().anyMatch(i -> i.name().equals("cart_abandonment"))) {
                fired.add(id);
            }
        }
        System.out.printf("OTTO sample: abandonment fired for sessions %s; cart and no order: %s;"
                + " cart add after the last order: %s%n", fired, cartWithoutAnyOrder, cartAfterLastOrder);
        assertThat(cartWithoutAnyOrder).isNotEmpty();
        assertThat(fired).containsAll(cartWithoutAnyOrder);
        // A session that orders and then fills its cart again also ends with an abandoned cart.
        assertThat(fired).isEqualTo(cartAfterLastOrder);
    }

    private List<Intent> replay(long sessionId, List<JsonObject> events) {
        Source source = Source.device("otto", "session-" + sessionId);
        String session = "otto-" + sessionId;
        List<CloudEvent> kiosk = new ArrayList<>();
        long first = events.get(0).getJsonNumber("ts").longValue();
        long last = events.get(events.size() - 1).getJsonNumber("ts").longValue();
        kiosk.add(event(source, kiosk.size() + 1, first, new SessionStart(session, "de-DE")));
        for (int i = 0; i < events.size(); i++) {
            JsonObject e = events.get(i);
            long ts = e.getJsonNumber("ts").longValue();
            String sku = String.valueOf(e.getJsonNumber("aid").longValue());
            switch (e.getString("type")) {
                case "clicks" -> kiosk.add(event(source, kiosk.size() + 1, ts,
                        new ProductView(session, sku, "otto", 1000, "EUR")));
                case "carts" -> kiosk.add(event(source, kiosk.size() + 1, ts,
                        new CartAdd(session, sku, "otto", 1, 1000, "EUR")));
                default -> kiosk.add(event(source, kiosk.size() + 1, ts, new Purchase(session, "order-" + i, 1000,
                        "EUR", List.of(new LineItem(sku, 1, 1000)))));
            }
        }
        kiosk.add(event(source, kiosk.size() + 1, last, new SessionEnd(session, "timeout", last - first)));
        return host(kiosk, "otto-profile-" + sessionId);
    }

    /** A minimal host: a timer wheel fired by event time, fed the engine's timer commands. */
    private List<Intent> host(List<CloudEvent> events, String profile) {
        JourneyContext state = JourneyContext.empty(profile);
        TreeMap<String, Instant> wheel = new TreeMap<>();
        List<Intent> intents = new ArrayList<>();
        for (CloudEvent event : events) {
            for (Map.Entry<String, Instant> due : List.copyOf(wheel.entrySet())) {
                if (!due.getValue().isAfter(event.time())) {
                    wheel.remove(due.getKey());
                    state = collect(underTest.onTimer(state, new TimerFired(due.getKey(), due.getValue())), wheel,
                            intents);
                }
            }
            state = collect(underTest.onEvent(state, event), wheel, intents);
        }
        return intents;
    }

    private static JourneyContext collect(Step step, Map<String, Instant> wheel, List<Intent> intents) {
        for (TimerCommand command : step.timers()) {
            if (command instanceof TimerCommand.Set set) {
                wheel.put(set.timerId(), set.dueAt());
            } else {
                wheel.remove(command.timerId());
            }
        }
        intents.addAll(step.intents());
        return step.state();
    }

    private static CloudEvent event(Source source, long sequence, long ts, dev.waymark.protocol.Payload data) {
        return CloudEvent.of(Ulid.of(ts, 1, sequence), source, Instant.ofEpochMilli(ts), sequence, data);
    }

    private static long lastTs(List<JsonObject> events, String type) {
        return events.stream().filter(e -> e.getString("type").equals(type))
                .mapToLong(e -> e.getJsonNumber("ts").longValue()).max().orElse(-1);
    }
}
