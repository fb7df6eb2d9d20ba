package dev.waymark.protocol;

import java.util.Objects;

/**
 * Why an input was refused: the field it concerns (a JSON path such as {@code data.sku}, {@code [3].time}, or
 * {@code $} for the whole input) and a short reason.
 *
 * @param field  the path of the offending field, never blank
 * @param reason what is wrong with it, never blank
 */
public record Rejection(String field, String reason) {

    /** Validates both parts; throws IllegalArgumentException when one is blank. */
    public Rejection {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        if (field.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("rejection field and reason must not be blank");
        }
    }

    /** Shorthand for {@code new Rejection(field, reason)}. */
    public static Rejection of(String field, String reason) {
        return new Rejection(field, reason);
    }

    /** The same reason under a path prefix: {@code data} + {@code sku} is {@code data.sku}; {@code $} adds nothing. */
    public Rejection under(String prefix) {
        if ("$".equals(prefix)) {
            return this;
        }
        if ("$".equals(field)) {
            return new Rejection(prefix, reason);
        }
        String joiner = field.startsWith("[") ? "" : ".";
        return new Rejection(prefix + joiner + field, reason);
    }

    /** The human-readable form, e.g. {@code data.sku: must be a string}. */
    public String message() {
        return field + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
