package dev.waymark.protocol.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.Rejection;
import jakarta.json.JsonObject;

import java.util.Map;
import java.util.function.Function;

/**
 * Older {@code dataschema} versions and how each steps up to the next: data of version n is checked against the
 * shape of version n, then converted to version n+1, until it reaches the type's current version. A version with
 * no step is refused, never passed through.
 */
final class Upcasts {

    /** One version step: the old shape and its conversion to the next version. */
    record Step(Class<?> shape, Function<JsonObject, Decoded<JsonObject>> toNext) {
    }

    private static final Map<String, Map<Integer, Step>> STEPS = Map.of(
            "wm.kiosk.cart_add", Map.of(1, new Step(CartAddV1.class, CartAddV1::toV2)));

    private Upcasts() {
    }

    /** {@code data} written in {@code version}, checked and upcast to the type's current version. */
    static Decoded<JsonObject> toCurrent(EventType type, int version, JsonObject data) {
        JsonObject current = data;
        for (int v = version; v < type.schemaVersion(); v++) {
            Step step = STEPS.getOrDefault(type.name(), Map.of()).get(v);
            if (step == null) {
                return Decoded.rejected("dataschema", "version " + v + " of " + type.name() + " is no longer read");
            }
            Rejection problem = RecordSchema.of(step.shape()).check(current, Limits.MAX_STRING_CHARS);
            if (problem != null) {
                return Decoded.rejected(problem.under("data"));
            }
            Decoded<JsonObject> next = step.toNext().apply(current);
            if (!next.isAccepted()) {
                return next;
            }
            current = next.orElseThrow();
        }
        return Decoded.accepted(current);
    }
}
