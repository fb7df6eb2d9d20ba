package dev.waymark.cloud.internal.http;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the contract refused a request, as the field it concerns (a dotted path such as
 * {@code identifiers[0].namespace}, a parameter's name, {@code Content-Type} or {@code body}) and a short message.
 * Messages repeat the schema's rule, never the value sent.
 *
 * @param field   the offending input
 * @param message what is wrong with it
 */
public record RequestRefusal(String field, String message) {

    /** The vertx-openapi messages name a parameter as "{@code <location> parameter <name>}". */
    private static final Pattern PARAMETER =
            Pattern.compile("(?:path|query|header|cookie) parameter ([A-Za-z0-9_.-]+)");
    /** vertx-json-schema quotes the property a {@code required} or {@code additionalProperties} rule is about. */
    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) \"([^\"]{1,100})\"");
    private static final int MAX_MESSAGE_CHARS = 200;

    public RequestRefusal {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The refusal a validation failure stands for; any other failure concerns the whole body. */
    public static RequestRefusal of(Throwable failure) {
        if (!(failure instanceof ValidatorException invalid)) {
            return new RequestRefusal("body", "could not be read as the operation's request body");
        }
        String text = String.valueOf(invalid.getMessage());
        if (invalid.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT && !PARAMETER.matcher(text).find()) {
            return new RequestRefusal("Content-Type", "must be application/json");
        }
        Matcher parameter = PARAMETER.matcher(text);
        if (parameter.find()) {
            return new RequestRefusal(parameter.group(1), reason(invalid, text));
        }
        if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
            return ofBody(schema.getOutputUnit());
        }
        return new RequestRefusal("body", text.contains("required body") ? "is required" : "is not valid JSON");
    }

    /**
     * The most specific error of a body's schema validation: the deepest instance location (a missing property
     * counts one level below its object), and there the keyword that says most (type, enum, pattern, limits), then
     * an unknown property, then the composite keywords that only say "a part had errors".
     */
    static RequestRefusal ofBody(OutputUnit result) {
        OutputUnit best = null;
        for (OutputUnit unit : leaves(result)) {
            if (best == null || rank(unit) > rank(best)) {
                best = unit;
            }
        }
        if (best == null) {
            return new RequestRefusal(FieldPath.BODY, "does not match the schema");
        }
        String error = String.valueOf(best.getError());
        String field = FieldPath.of(best.getInstanceLocation());
        Matcher property = PROPERTY.matcher(error);
        if (isRequired(best) && property.find()) {
            return new RequestRefusal(FieldPath.child(field, property.group(1)), "is required");
        }
        if (keyword(best).equals("additionalProperties")) {
            return new RequestRefusal(field, "is not a known field");
        }
        return new RequestRefusal(field, shorten(error.startsWith("Instance ") ? error.substring(9) : error));
    }

    private static int rank(OutputUnit unit) {
        String location = unit.getInstanceLocation();
        int depth = location == null ? 0 : (int) location.chars().filter(c -> c == '/').count();
        if (isRequired(unit)) {
            depth++;
        }
        int specificity = switch (keyword(unit)) {
            case "properties", "items", "$ref", "allOf", "anyOf", "oneOf", "prefixItems" -> 0;
            case "additionalProperties", "unevaluatedProperties" -> 1;
            default -> 2;
        };
        return depth * 4 + specificity;
    }

    private static boolean isRequired(OutputUnit unit) {
        return keyword(unit).equals("required");
    }

    private static String keyword(OutputUnit unit) {
        String location = String.valueOf(unit.getKeywordLocation());
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String reason(ValidatorException invalid, String text) {
        if (invalid.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
            return "is required";
        }
        if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
            List<OutputUnit> leaves = leaves(schema.getOutputUnit());
            if (!leaves.isEmpty() && leaves.get(0).getError() != null) {
                return shorten(leaves.get(0).getError());
            }
        }
        return "is not valid here";
    }

    /** Every unit without sub-errors, or the unit itself when it has none. */
    private static List<OutputUnit> leaves(OutputUnit unit) {
        List<OutputUnit> out = new ArrayList<>();
        List<OutputUnit> errors = unit.getErrors();
        if (errors == null || errors.isEmpty()) {
            if (Boolean.FALSE.equals(unit.getValid()) || unit.getError() != null) {
                out.add(unit);
            }
            return out;
        }
        for (OutputUnit error : errors) {
            out.addAll(leaves(error));
        }
        return out;
    }

    private static String shorten(String message) {
        String text = message.strip();
        if (!text.isEmpty()) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "..." : text;
    }
}
