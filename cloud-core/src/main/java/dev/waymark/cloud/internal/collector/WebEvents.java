package dev.waymark.cloud.internal.collector;

import dev.waymark.privacy.EventMasker;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCatalog;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.ParsedEvent;
import dev.waymark.protocol.PersonalData;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.WebIdentify;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one Segment call into a masked CloudEvent: builds the envelope, validates it with the protocol's codec,
 * masks its personal fields, binds it, encodes it and reads the bytes back with the same strict codec the pipeline
 * uses, so nothing is appended that the pipeline would refuse. Refusals name the field as the caller sent it
 * ({@code traits.email}, {@code messageId}). Thread-safe.
 */
final class WebEvents {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final EventCodec codec;
    private final EventMasker masker;
    private final UlidGenerator ids;
    private final Map<CallType, Map<String, PersonalData>> personalFields = new EnumMap<>(CallType.class);

    WebEvents(EventCodec codec, EventMasker masker, UlidGenerator ids) {
        this.codec = codec;
        this.masker = masker;
        this.ids = ids;
        for (CallType call : CallType.values()) {
            personalFields.put(call, personalFields(call));
        }
    }

    /**
     * The call's personal fields: its event type's, plus identify's trait fields under {@code context.traits},
     * where Segment's libraries copy a user's traits on every call.
     */
    private static Map<String, PersonalData> personalFields(CallType call) {
        Map<String, PersonalData> fields = new HashMap<>(call.eventType().personalFields());
        if (call.hasContext()) {
            EventCatalog.of(WebIdentify.class).personalFields().forEach((path, kind) -> {
                if (path.startsWith("traits.")) {
                    fields.put("context." + path, kind);
                }
            });
        }
        return Map.copyOf(fields);
    }

    /** The masked event of {@code message}, a call of type {@code call}, or a refusal naming the field. */
    Decoded<CollectedEvent> collect(JsonObject message, CallType call, Receipt receipt) {
        Decoded<Optional<String>> messageId = MessageFields.messageId(message);
        Decoded<Optional<String>> anonymousId = MessageFields.identifier(message, "anonymousId", 2000);
        Decoded<Instant> time = CallTime.of(message, receipt);
        Decoded<JsonObject> context = MessageFields.object(message, "context")
                .map(own -> merged(receipt.sharedContext(), own))
                .flatMap(merged -> ConsentSignals.apply(merged, receipt.gpc()));
        for (Decoded<?> part : new Decoded<?>[] {messageId, anonymousId, time, context}) {
            if (!part.isAccepted()) {
                return Decoded.rejected(part.rejectionIfAny().orElseThrow());
            }
        }
        String id = messageId.orElseThrow().orElseGet(() -> ids.next().value());
        Decoded<JsonObject> data = call.data(message, context.orElseThrow());
        if (!data.isAccepted()) {
            return Decoded.rejected(data.rejectionIfAny().orElseThrow());
        }
        Decoded<CloudEvent> event = codec.parse(envelope(id, call, receipt, time.orElseThrow(), data.orElseThrow()))
                .flatMap(parsed -> mask(parsed, call));
        if (event instanceof Decoded.Rejected<CloudEvent> rejected) {
            return Decoded.rejected(callField(rejected.rejection()));
        }
        return encoded(event.orElseThrow(), receipt.writeKey());
    }

    private static JsonObject merged(JsonObject shared, JsonObject own) {
        if (shared.isEmpty()) {
            return own;
        }
        JsonObjectBuilder merged = JSON.createObjectBuilder(shared);
        own.forEach(merged::add);
        return merged.build();
    }

    private static JsonObject envelope(String id, CallType call, Receipt receipt, Instant time, JsonObject data) {
        return JSON.createObjectBuilder()
                .add("specversion", CloudEvent.SPEC_VERSION)
                .add("id", id)
                .add("source", Source.web(receipt.writeKey()).format())
                .add("type", call.eventType().name())
                .add("time", time.toString())
                .add("datacontenttype", CloudEvent.DATA_CONTENT_TYPE)
                .add("dataschema", call.eventType().dataschema())
                .add("data", data)
                .build();
    }

    private Decoded<CloudEvent> mask(ParsedEvent parsed, CallType call) {
        return parsed.withData(masker.mask(parsed.data(), personalFields.get(call))).bind();
    }

    private Decoded<CollectedEvent> encoded(CloudEvent event, String writeKey) {
        byte[] bytes;
        try {
            bytes = codec.encode(event);
        } catch (IllegalArgumentException e) {
            return Decoded.rejected("$", SizeLimit.tooLarge(e.getMessage()));
        }
        Decoded<ParsedEvent> reread = codec.parse(bytes);
        if (!reread.isAccepted()) {
            return Decoded.rejected(callField(reread.rejectionIfAny().orElseThrow()));
        }
        JsonObject data = reread.orElseThrow().data();
        String who = text(data, "userId").or(() -> text(data, "anonymousId")).orElse(event.id());
        return Decoded.accepted(new CollectedEvent("web:" + writeKey + ":" + who, event.id(), event.type(), bytes));
    }

    // A policy may drop userId; the key then falls back to anonymousId, and to the event's own id at worst.
    private static Optional<String> text(JsonObject data, String name) {
        return data.get(name) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    /** An envelope's field named as in the call: {@code data.x} is {@code x}, {@code id} is {@code messageId}. */
    static Rejection callField(Rejection rejection) {
        String field = rejection.field();
        if (field.startsWith("data.")) {
            return Rejection.of(field.substring("data.".length()), rejection.reason());
        }
        return switch (field) {
            case "id" -> Rejection.of("messageId", rejection.reason());
            case "time" -> Rejection.of("timestamp", rejection.reason());
            case "data" -> Rejection.of("$", rejection.reason());
            default -> rejection;
        };
    }
}
