package dev.waymark.journey.internal;

import dev.waymark.journey.Loaded;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** JSON form of the intent model: feature names (to catch a layout change), standardisation and weights. */
public final class ModelCodec {

    private static final Set<String> FIELDS = Set.of("model", "features", "mean", "scale", "weights", "intercept",
            "threshold", "provenance");

    /** Builds the public model type from parts, so this codec needs no access to its constructor. */
    public interface Factory<T> {
        T create(LogisticFit fit, double threshold, String provenance);
    }

    private ModelCodec() {
    }

    public static <T> Loaded<T, String> read(String json, Factory<T> factory) {
        List<String> errors = new ArrayList<>();
        Optional<JsonValue> root = JsonReading.parse(json, (f, r) -> errors.add(r));
        if (root.isEmpty() || !(root.get() instanceof JsonObject o)) {
            errors.add("document: must be a JSON object");
            return new Loaded.Rejected<>(errors);
        }
        JsonReading.onlyFields(o, FIELDS, (f, r) -> errors.add(f + ": " + r));
        JsonReading.string(o, "model", (f, r) -> errors.add(f + ": " + r))
                .filter(m -> !m.equals("logistic"))
                .ifPresent(m -> errors.add("model: must be \"logistic\""));
        List<String> names = FeatureVectors.sessionNames();
        if (!(o.get("features") instanceof JsonArray features) || !names.equals(features.getValuesAs(
                v -> v instanceof JsonString s ? s.getString() : "?"))) {
            errors.add("features: must list " + names);
        }
        double[] mean = numbers(o, "mean", names.size(), errors);
        double[] scale = numbers(o, "scale", names.size(), errors);
        double[] weights = numbers(o, "weights", names.size(), errors);
        double[] scalars = numbers(o, List.of("intercept", "threshold"), errors);
        String provenance = JsonReading.string(o, "provenance", (f, r) -> errors.add(f + ": " + r)).orElse("");
        for (double s : scale) {
            if (!(s > 0)) {
                errors.add("scale: every entry must be > 0");
                break;
            }
        }
        if (!errors.isEmpty()) {
            return new Loaded.Rejected<>(errors);
        }
        return new Loaded.Ok<>(factory.create(new LogisticFit(mean, scale, weights, scalars[0]), scalars[1],
                provenance));
    }

    private static double[] numbers(JsonObject o, String field, int size, List<String> errors) {
        double[] out = new double[size];
        if (!(o.get(field) instanceof JsonArray array) || array.size() != size) {
            errors.add(field + ": expected " + size + " numbers");
            return out;
        }
        for (int i = 0; i < size; i++) {
            if (!(array.get(i) instanceof JsonNumber n)) {
                errors.add(field + "[" + i + "]: must be a number");
                return out;
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    private static double[] numbers(JsonObject o, List<String> fields, List<String> errors) {
        double[] out = new double[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            if (o.get(fields.get(i)) instanceof JsonNumber n) {
                out[i] = n.doubleValue();
            } else {
                errors.add(fields.get(i) + ": must be a number");
            }
        }
        return out;
    }

    public static String write(LogisticFit fit, double threshold, String provenance) {
        JsonArrayBuilder features = Json.createArrayBuilder();
        FeatureVectors.sessionNames().forEach(features::add);
        JsonObject o = Json.createObjectBuilder()
                .add("model", "logistic")
                .add("provenance", provenance)
                .add("features", features)
                .add("mean", array(fit.mean()))
                .add("scale", array(fit.scale()))
                .add("weights", array(fit.weights()))
                .add("intercept", fit.intercept())
                .add("threshold", threshold)
                .build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.write(o);
        }
        return out.toString().strip() + "\n";
    }

    private static JsonArrayBuilder array(double[] values) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (double v : values) {
            b.add(v);
        }
        return b;
    }
}
