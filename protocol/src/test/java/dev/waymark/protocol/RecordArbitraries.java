package dev.waymark.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Arbitrary instances of any contract record, derived from its components the way the codec derives its schema;
 * candidates the record's own checks refuse are filtered out, so every generated value is a valid record.
 */
final class RecordArbitraries {

    private static final Instant MIN = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("2100-01-01T00:00:00Z");

    private RecordArbitraries() {
    }

    static <T> Arbitrary<T> of(Class<T> recordClass) {
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            parts.add(forType(component.getName(), component.getGenericType()));
        }
        return Combinators.combine(parts).as(values -> construct(recordClass, values))
                .filter(Optional::isPresent).map(Optional::get);
    }

    /** Any BMP text but surrogates (UTF-8 cannot carry a lone one), with JSON's special characters. */
    static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                .withChars("\"\\/<>&é€".toCharArray())
                .ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.isBlank());
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> forType(String name, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            Arbitrary<Object> inner = forType(name, p.getActualTypeArguments()[0]);
            return inner.optional(0.7).map(o -> (Object) o);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return forType(name, p.getActualTypeArguments()[0]).list().ofMaxSize(3).map(l -> (Object) l);
        }
        Class<?> c = (Class<?>) type;
        Arbitrary<?> arbitrary;
        if (c == String.class) {
            arbitrary = strings(name);
        } else if (c == int.class) {
            arbitrary = name.equals("rating") ? Arbitraries.integers().between(1, 5)
                    : Arbitraries.integers().between(1, 1_000_000);
        } else if (c == long.class) {
            arbitrary = Arbitraries.longs().between(1, 1_000_000_000_000L);
        } else if (c == Long.class) {
            arbitrary = Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
        } else if (c == boolean.class) {
            arbitrary = Arbitraries.of(true, false);
        } else if (c == double.class) {
            arbitrary = Arbitraries.doubles().between(0, 1);
        } else if (c == BigDecimal.class) {
            arbitrary = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100_000)).ofScale(2);
        } else if (c == Instant.class) {
            arbitrary = Arbitraries.longs().between(MIN.toEpochMilli(), MAX.toEpochMilli())
                    .map(Instant::ofEpochMilli);
        } else if (c.isEnum()) {
            arbitrary = Arbitraries.of((Class<Enum>) c);
        } else if (c == JsonObject.class) {
            arbitrary = jsonObjects();
        } else if (c.isRecord()) {
            arbitrary = of(c);
        } else {
            throw new IllegalStateException("no generator for " + c);
        }
        return arbitrary.map(o -> (Object) o);
    }

    /** Strings whose field has a format of its own get values in that format. */
    private static Arbitrary<String> strings(String name) {
        switch (name) {
            case "currency":
                return Arbitraries.of("EUR", "USD", "GBP", "JPY");
            case "storeId":
            case "deviceId":
                return Arbitraries.strings().withChars("abc019._-").ofMinLength(1).ofMaxLength(20);
            case "topicRoot":
                return Arbitraries.just(Topics.ROOT);
            case "caFingerprint":
                return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
            case "trustAnchorsPem":
                return text().map(t -> "-----BEGIN CERTIFICATE-----\n" + t + "\n-----END CERTIFICATE-----\n");
            case "bundleVerificationKey":
                return text().map(t -> "-----BEGIN PUBLIC KEY-----\n" + t + "\n-----END PUBLIC KEY-----\n");
            case "payload":
            case "signature":
                return Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                        .map(b -> Base64.getEncoder().encodeToString(b));
            default:
                return text();
        }
    }

    private static Arbitrary<JsonObject> jsonObjects() {
        Arbitrary<String> keys = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
        Arbitrary<Object> values = Arbitraries.oneOf(text().map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.of(true, false).map(b -> (Object) b));
        return Arbitraries.maps(keys, values).ofMaxSize(4).map(map -> {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            map.forEach((k, v) -> {
                if (v instanceof String s) {
                    builder.add(k, s);
                } else if (v instanceof Long l) {
                    builder.add(k, l);
                } else {
                    builder.add(k, (Boolean) v);
                }
            });
            return builder.build();
        });
    }

    private static <T> Optional<T> construct(Class<T> type, List<Object> values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return Optional.of(constructor.newInstance(values.toArray()));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
