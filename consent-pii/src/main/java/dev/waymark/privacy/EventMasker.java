package dev.waymark.privacy;

import dev.waymark.protocol.PersonalData;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Masks the personal fields of an event's {@code data} by {@link MaskingPolicy}, before the event is stored.
 * Personal fields are named by the payload type as property paths (dotted for nested objects; a path through an
 * array applies to every object in it). Properties that are not personal are copied unchanged.
 *
 * <p>Shapes: a string or number becomes a string; an array of them is masked element by element; null stays null;
 * anything else under a personal path (an object, a boolean) is dropped, because what we cannot read we cannot mask.
 * In a key rotation window a {@link MaskingStrategy#TOKEN} field holds the active key's token and a sibling
 * {@code {field}Tokens} holds every key's token, active first (for an array field: one such list per element), so
 * the cloud can link old and new tokens. Thread-safe.
 */
public final class EventMasker {

    private static final String ROTATION_SUFFIX = "Tokens";

    private final MaskingPolicy policy;
    private final Optional<KeyRing> keys;
    private final TextMasker textMasker;
    private final JsonBuilderFactory json;

    private EventMasker(MaskingPolicy policy, Optional<KeyRing> keys, PiiScanner scanner) {
        this.policy = policy;
        this.keys = keys;
        this.textMasker = keys.map(ring -> TextMasker.create(scanner, ring))
                .orElseGet(() -> TextMasker.redacting(scanner));
        this.json = JsonProvider.provider().createBuilderFactory(Map.of());
    }

    /** A masker applying {@code policy}, with tokens under {@code keys} and free text scanned by {@code scanner}. */
    public static EventMasker create(MaskingPolicy policy, KeyRing keys, PiiScanner scanner) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(scanner, "scanner");
        return new EventMasker(policy, Optional.of(keys), scanner);
    }

    /**
     * A masker without keys, for policies that make no tokens (see {@link MaskingPolicy#withoutTokens()}). Throws
     * {@link IllegalArgumentException} when {@code policy} {@linkplain MaskingPolicy#needsKeys() needs keys}.
     */
    public static EventMasker redacting(MaskingPolicy policy, PiiScanner scanner) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(scanner, "scanner");
        if (policy.needsKeys()) {
            throw new IllegalArgumentException("policy: tokenises some fields, so it needs a key ring; "
                    + "use create(policy, keys, scanner) or policy.withoutTokens()");
        }
        return new EventMasker(policy, Optional.empty(), scanner);
    }

    /** A new object: {@code data} with each field of {@code personalFields} masked; {@code data} is not changed. */
    public JsonObject mask(JsonObject data, Map<String, PersonalData> personalFields) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(personalFields, "personalFields");
        JsonObject masked = data;
        for (Map.Entry<String, PersonalData> field : personalFields.entrySet()) {
            masked = maskPath(masked, field.getKey().split("\\.", -1), 0, field.getKey(), field.getValue());
        }
        return masked;
    }

    private JsonObject maskPath(JsonObject object, String[] path, int depth, String fullPath, PersonalData kind) {
        String name = path[depth];
        if (!object.containsKey(name)) {
            return object;
        }
        JsonValue value = object.get(name);
        JsonObjectBuilder copy = json.createObjectBuilder(object);
        if (depth < path.length - 1) {
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                copy.add(name, maskPath(value.asJsonObject(), path, depth + 1, fullPath, kind));
            } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                JsonArrayBuilder elements = json.createArrayBuilder();
                for (JsonValue element : value.asJsonArray()) {
                    elements.add(element.getValueType() == JsonValue.ValueType.OBJECT
                            ? maskPath(element.asJsonObject(), path, depth + 1, fullPath, kind) : element);
                }
                copy.add(name, elements);
            }
            return copy.build();
        }
        maskLeaf(copy, name, value, policy.strategyFor(fullPath, kind), kind);
        return copy.build();
    }

    private void maskLeaf(JsonObjectBuilder copy, String name, JsonValue value, MaskingStrategy strategy,
            PersonalData kind) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        boolean rotationTokens = strategy == MaskingStrategy.TOKEN && keys.orElseThrow().inRotation();
        Optional<String> scalar = scalarText(value);
        if (strategy == MaskingStrategy.DROP) {
            copy.remove(name);
        } else if (scalar.isPresent()) {
            copy.add(name, maskText(scalar.get(), strategy, kind));
            if (rotationTokens) {
                List<String> tokens = keys.orElseThrow().tokens(kind, scalar.get());
                copy.add(name + ROTATION_SUFFIX, json.createArrayBuilder(tokens));
            }
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY && allScalars(value.asJsonArray())) {
            JsonArrayBuilder masked = json.createArrayBuilder();
            JsonArrayBuilder tokens = json.createArrayBuilder();
            for (JsonValue element : value.asJsonArray()) {
                String text = scalarText(element).orElseThrow();
                masked.add(maskText(text, strategy, kind));
                if (rotationTokens) {
                    tokens.add(json.createArrayBuilder(keys.orElseThrow().tokens(kind, text)));
                }
            }
            copy.add(name, masked);
            if (rotationTokens) {
                copy.add(name + ROTATION_SUFFIX, tokens);
            }
        } else {
            copy.remove(name);
        }
    }

    private String maskText(String text, MaskingStrategy strategy, PersonalData kind) {
        return switch (strategy) {
            case TOKEN -> keys.orElseThrow().token(kind, text);
            case PARTIAL -> partial(text);
            case REDACT -> "[" + redactionLabel(kind) + "]";
            case SCAN -> textMasker.mask(text, policy.scanStyle());
            case DROP -> throw new IllegalArgumentException("strategy: DROP has no masked text");
        };
    }

    /** Last four of the value without spaces and dashes; under eight such characters, nothing is kept. */
    static String partial(String text) {
        String significant = text.replaceAll("[\\s-]", "");
        return significant.length() < 8 ? "****" : "****" + significant.substring(significant.length() - 4);
    }

    static String redactionLabel(PersonalData kind) {
        return switch (kind) {
            case PAYMENT_CARD -> "CARD";
            case IP_ADDRESS -> "IP";
            case PERSON_NAME -> "NAME";
            case POSTAL_ADDRESS -> "ADDRESS";
            case FREE_TEXT -> "TEXT";
            default -> kind.name();
        };
    }

    private static Optional<String> scalarText(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> Optional.of(((JsonString) value).getString());
            case NUMBER -> Optional.of(value.toString());
            default -> Optional.empty();
        };
    }

    private static boolean allScalars(JsonArray array) {
        return array.stream().allMatch(element -> scalarText(element).isPresent());
    }
}
