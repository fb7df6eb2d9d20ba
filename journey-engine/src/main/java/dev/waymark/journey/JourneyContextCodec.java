package dev.waymark.journey;

import dev.waymark.protocol.Channel;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes a {@link JourneyContext} as compact JSON and reads it back equal, for hosts that keep contexts in a
 * database. Times are RFC 3339 with full precision; enums by name; channels by wire name. The format is this
 * codec's own (a host stores what it wrote), versioned by the {@code v} field.
 */
public final class JourneyContextCodec {

    private static final int VERSION = 1;
    // Json.create* looks the provider up through ServiceLoader on every call; a host writes a context per event.
    private static final JsonProvider JSON = JsonProvider.provider();

    private JourneyContextCodec() {
    }

    /** The context as JSON text. */
    public static String write(JourneyContext c) {
        JsonObjectBuilder sessions = JSON.createObjectBuilder();
        c.sessions().forEach((channel, s) -> sessions.add(channel.wireName(), JSON.createArrayBuilder()
                .add(s.id()).add(s.started().toString()).add(s.lastActivity().toString()).add(s.activities())
                .add(s.explicit())));
        JsonObjectBuilder counters = JSON.createObjectBuilder();
        c.counters().asMap().forEach((key, times) -> counters.add(key, strings(times, Instant::toString)));
        JsonObjectBuilder timers = JSON.createObjectBuilder();
        c.pendingTimers().forEach((id, t) -> timers.add(id, JSON.createArrayBuilder().add(t.pattern())
                .add(t.channel().wireName()).add(t.sessionId()).add(t.dueAt().toString()).add(t.sourceEventId())));
        JsonObjectBuilder fired = JSON.createObjectBuilder();
        c.lastFired().forEach((key, at) -> fired.add(key, at.toString()));
        return JSON.createObjectBuilder()
                .add("v", VERSION)
                .add("profileKey", c.profileKey())
                .add("stage", c.stage().name())
                .add("asOf", c.asOf().toString())
                .add("sessions", sessions)
                .add("service", rows(c.serviceJourneys(), j -> JSON.createArrayBuilder().add(j.id()).add(j.topic())
                        .add(j.channel().wireName()).add(j.openedAt().toString())))
                .add("recent", rows(c.recent(), r -> JSON.createArrayBuilder().add(r.activity().name())
                        .add(r.channel().wireName()).add(r.at().toString()).add(r.eventId()).add(r.category())))
                .add("cart", rows(c.cart(), l -> JSON.createArrayBuilder().add(l.sku()).add(l.category())
                        .add(l.quantity()).add(l.unitPrice())))
                .add("counters", counters)
                .add("lastIntent", c.lastIntent())
                .add("timers", timers)
                .add("lastFired", fired)
                .add("sources", rows(c.sources(), p -> JSON.createArrayBuilder().add(p.source()).add(p.sequence())
                        .add(p.eventId()).add(p.at().toString())))
                .add("webEventIds", strings(c.webEventIds(), Function.identity()))
                .build().toString();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a context
     */
    public static JourneyContext read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            if (o.getInt("v") != VERSION) {
                throw new IllegalArgumentException("journey context: unknown format version " + o.getInt("v"));
            }
            Map<Channel, ChannelSession> sessions = new EnumMap<>(Channel.class);
            o.getJsonObject("sessions").forEach((channel, v) -> {
                JsonArray a = v.asJsonArray();
                sessions.put(channel(channel), new ChannelSession(a.getString(0), Instant.parse(a.getString(1)),
                        Instant.parse(a.getString(2)), a.getJsonNumber(3).longValue(), a.getBoolean(4)));
            });
            Map<String, List<Instant>> counters = new LinkedHashMap<>();
            o.getJsonObject("counters").forEach((key, v) -> counters.put(key,
                    strings(v.asJsonArray()).stream().map(Instant::parse).toList()));
            Map<String, PendingTimer> timers = new TreeMap<>();
            o.getJsonObject("timers").forEach((id, v) -> {
                JsonArray a = v.asJsonArray();
                timers.put(id, new PendingTimer(id, a.getString(0), channel(a.getString(1)), a.getString(2),
                        Instant.parse(a.getString(3)), a.getString(4)));
            });
            Map<String, Instant> fired = new TreeMap<>();
            o.getJsonObject("lastFired").forEach((key, v) -> fired.put(key, Instant.parse(((JsonString) v).getString())));
            return new JourneyContext(o.getString("profileKey"), JourneyStage.valueOf(o.getString("stage")),
                    Instant.parse(o.getString("asOf")), sessions,
                    list(o.getJsonArray("service"), a -> new ServiceJourney(a.getString(0), a.getString(1),
                            channel(a.getString(2)), Instant.parse(a.getString(3)))),
                    list(o.getJsonArray("recent"), a -> new RecentActivity(Activity.valueOf(a.getString(0)),
                            channel(a.getString(1)), Instant.parse(a.getString(2)), a.getString(3), a.getString(4))),
                    list(o.getJsonArray("cart"), a -> new CartLine(a.getString(0), a.getString(1), a.getInt(2),
                            a.getJsonNumber(3).longValue())),
                    WindowedCounters.of(counters), o.getString("lastIntent"), timers, fired,
                    list(o.getJsonArray("sources"), a -> new SourcePosition(a.getString(0),
                            a.getJsonNumber(1).longValue(), a.getString(2), Instant.parse(a.getString(3)))),
                    strings(o.getJsonArray("webEventIds")));
        } catch (JsonException | ClassCastException | NullPointerException | IndexOutOfBoundsException
                 | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("journey context: not readable: " + e.getMessage(), e);
        }
    }

    private static Channel channel(String wireName) {
        return Channel.fromWireName(wireName)
                .orElseThrow(() -> new IllegalArgumentException("journey context: unknown channel " + wireName));
    }

    private static <T> JsonArrayBuilder rows(List<T> items, Function<T, JsonArrayBuilder> row) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        items.forEach(item -> out.add(row.apply(item)));
        return out;
    }

    private static <T> JsonArrayBuilder strings(List<T> items, Function<T, String> text) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        items.forEach(item -> out.add(text.apply(item)));
        return out;
    }

    private static <T> List<T> list(JsonArray rows, Function<JsonArray, T> row) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(v -> out.add(row.apply(v.asJsonArray())));
        return out;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
