package dev.waymark.edge.internal;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCatalog;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.Source;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kiosk UI's capture format and the session rules. A capture is {@code {"type": ..., "data": {...}}}, optionally
 * with {@code "dataschema"} for an older payload version. The agent owns the session: a kiosk event without an open
 * session starts one (a {@code session_start} is stored first), {@code session_start} and {@code session_end}
 * captures start and end it explicitly, and {@code sessionId} in the data is always the agent's.
 */
final class CaptureEnvelopes {

    // Json.createObjectBuilder looks the provider up through ServiceLoader on every call; look it up once.
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String SESSION_START = "wm.kiosk.session_start";
    static final String SESSION_END = "wm.kiosk.session_end";
    private static final Set<String> KEYS = Set.of("type", "data", "dataschema");

    private final String locale;

    CaptureEnvelopes(String locale) {
        this.locale = locale;
    }

    /** What one capture becomes: the captures to store in order, the session after them, or a rejection. */
    record Planned(List<JsonObject> captures, Optional<KioskSession> session, Optional<Rejection> rejection) {

        static Planned rejected(String field, String reason) {
            return new Planned(List.of(), Optional.empty(), Optional.of(Rejection.of(field, reason)));
        }
    }

    static JsonObject sessionEnd(String reason) {
        return JSON.createObjectBuilder().add("type", SESSION_END)
                .add("data", JSON.createObjectBuilder().add("reason", reason)).build();
    }

    Planned plan(JsonObject capture, Optional<KioskSession> open, Instant now, SessionIds sessionIds) {
        for (String key : capture.keySet()) {
            if (!KEYS.contains(key)) {
                return Planned.rejected(key, "unknown property of a capture (allowed: type, data, dataschema)");
            }
        }
        if (!(capture.get("type") instanceof JsonString typeValue)) {
            return Planned.rejected("type", capture.containsKey("type") ? "must be a string" : "is missing");
        }
        if (!(capture.get("data") instanceof JsonObject data)) {
            return Planned.rejected("data", capture.containsKey("data") ? "must be a JSON object" : "is missing");
        }
        if (capture.containsKey("dataschema") && !(capture.get("dataschema") instanceof JsonString)) {
            return Planned.rejected("dataschema", "must be a string");
        }
        String type = typeValue.getString();
        if (!type.startsWith("wm.kiosk.") && !type.startsWith("wm.outcome.")) {
            return Planned.rejected("type", "only wm.kiosk.* and wm.outcome.* events come from the kiosk UI");
        }
        List<JsonObject> out = new ArrayList<>();
        if (type.startsWith("wm.outcome.")) {
            return new Planned(List.of(capture), open.map(s -> s.touchedAt(now)), Optional.empty());
        }
        if (type.equals(SESSION_END)) {
            if (open.isEmpty()) {
                return Planned.rejected("type", "no kiosk session is open to end");
            }
            out.add(ended(capture, data, open.get(), now));
            return new Planned(out, Optional.empty(), Optional.empty());
        }
        KioskSession session;
        if (type.equals(SESSION_START)) {
            JsonObject restart = sessionEnd("restart");
            open.ifPresent(previous -> out.add(ended(restart, restart.getJsonObject("data"), previous, now)));
            session = new KioskSession(sessionIds.next(), now, now);
            String chosen = data.get("locale") instanceof JsonString l ? l.getString() : locale;
            out.add(withData(capture, JSON.createObjectBuilder(data).add("locale", chosen), session));
            return new Planned(out, Optional.of(session), Optional.empty());
        }
        if (open.isEmpty()) {
            session = new KioskSession(sessionIds.next(), now, now);
            out.add(withData(JSON.createObjectBuilder().add("type", SESSION_START).build(),
                    JSON.createObjectBuilder().add("locale", locale), session));
        } else {
            session = open.get().touchedAt(now);
        }
        out.add(withData(capture, JSON.createObjectBuilder(data), session));
        return new Planned(out, Optional.of(session), Optional.empty());
    }

    private static JsonObject ended(JsonObject capture, JsonObject data, KioskSession session, Instant now) {
        String reason = data.get("reason") instanceof JsonString r ? r.getString() : "explicit";
        JsonObjectBuilder body = JSON.createObjectBuilder(data).add("reason", reason)
                .add("durationMs", session.durationMsAt(now));
        return withData(capture, body, session);
    }

    private static JsonObject withData(JsonObject capture, JsonObjectBuilder data, KioskSession session) {
        return JSON.createObjectBuilder(capture).add("data", data.add("sessionId", session.id())).build();
    }

    /** The full CloudEvent envelope around a planned capture. */
    JsonObject envelope(JsonObject capture, String id, Source source, Instant now, long sequence) {
        String type = capture.getString("type");
        String dataschema = capture.get("dataschema") instanceof JsonString given ? given.getString()
                : EventCatalog.find(type).map(EventType::dataschema).orElse(EventType.SCHEMA_PREFIX + type + "/1");
        return JSON.createObjectBuilder()
                .add("specversion", CloudEvent.SPEC_VERSION)
                .add("id", id)
                .add("source", source.format())
                .add("type", type)
                .add("time", now.toString())
                .add("datacontenttype", CloudEvent.DATA_CONTENT_TYPE)
                .add("dataschema", dataschema)
                .add("wmseq", sequence)
                .add("data", capture.getJsonObject("data"))
                .build();
    }
}
