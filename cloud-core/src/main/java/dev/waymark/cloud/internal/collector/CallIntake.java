package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Limits;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the calls of one request, single or batch, all or nothing: the first refused call refuses the request,
 * its field prefixed {@code batch[i]}. Inside a batch, a call repeating an earlier call's {@code messageId} is
 * dropped, and Segment {@code group} calls, which Waymark has no event for, are skipped; both are counted.
 */
final class CallIntake {

    /** The calls of a request that were accepted, and what was dropped on the way. */
    record Intake(List<CollectedEvent> events, int duplicates, int unsupported) {
        Intake {
            events = List.copyOf(events);
        }
    }

    private final WebEvents webEvents;

    CallIntake(WebEvents webEvents) {
        this.webEvents = webEvents;
    }

    /** One call posted to its own endpoint ({@code /v1/track}, ...). */
    Decoded<Intake> single(JsonObject body, CallType call, Receipt receipt) {
        return webEvents.collect(body, call, receipt).map(event -> new Intake(List.of(event), 0, 0));
    }

    /** A {@code /v1/batch} body: {@code {"batch": [calls], "context": {...}, "sentAt": "..."}}. */
    Decoded<Intake> batch(JsonObject body, Receipt receipt) {
        JsonValue batch = body.get("batch");
        if (batch == null || batch.getValueType() != JsonValue.ValueType.ARRAY) {
            return Decoded.rejected("batch", "must be a JSON array of calls");
        }
        JsonArray calls = batch.asJsonArray();
        if (calls.size() > Limits.MAX_BATCH_EVENTS) {
            return Decoded.rejected("batch", "has " + calls.size() + " calls, limit " + Limits.MAX_BATCH_EVENTS);
        }
        Decoded<JsonObject> context = MessageFields.object(body, "context");
        if (!context.isAccepted()) {
            return Decoded.rejected(context.rejectionIfAny().orElseThrow());
        }
        Receipt shared = receipt.sharing(context.orElseThrow(),
                body.containsKey("sentAt") ? body.get("sentAt") : JsonValue.NULL);
        List<CollectedEvent> events = new ArrayList<>(calls.size());
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        int unsupported = 0;
        for (int i = 0; i < calls.size(); i++) {
            String at = "batch[" + i + "]";
            Decoded<Optional<CallType>> call = callOf(calls.get(i));
            if (!call.isAccepted()) {
                return Decoded.rejected(call.rejectionIfAny().orElseThrow().under(at));
            }
            if (call.orElseThrow().isEmpty()) {
                unsupported++;
                continue;
            }
            Decoded<CollectedEvent> event = webEvents.collect(calls.getJsonObject(i), call.orElseThrow().get(), shared);
            if (event instanceof Decoded.Rejected<CollectedEvent> rejected) {
                return Decoded.rejected(rejected.rejection().under(at));
            }
            if (seen.add(event.orElseThrow().id())) {
                events.add(event.orElseThrow());
            } else {
                duplicates++;
            }
        }
        return Decoded.accepted(new Intake(events, duplicates, unsupported));
    }

    /** The call's type; empty for a {@code group} call; refused for anything else or an oversize call. */
    private static Decoded<Optional<CallType>> callOf(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Decoded.rejected("$", "a call must be a JSON object");
        }
        int bytes = value.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Limits.MAX_EVENT_BYTES) {
            return Decoded.rejected("$", SizeLimit.tooLarge("call is " + bytes + " bytes, limit "
                    + Limits.MAX_EVENT_BYTES));
        }
        if (!(value.asJsonObject().get("type") instanceof JsonString type)) {
            return Decoded.rejected("type", "must be one of track, identify, page, screen, alias (or group)");
        }
        if ("group".equals(type.getString())) {
            return Decoded.accepted(Optional.empty());
        }
        return CallType.byName(type.getString()).<Decoded<Optional<CallType>>>map(c -> Decoded.accepted(Optional.of(c)))
                .orElseGet(() -> Decoded.rejected("type", "must be one of track, identify, page, screen, alias"));
    }
}
