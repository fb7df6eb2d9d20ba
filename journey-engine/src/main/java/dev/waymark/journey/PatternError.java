package dev.waymark.journey;

import java.util.Objects;

/**
 * One reason a pattern (or activity-mapping) document was rejected. {@link #toString()} reads
 * {@code "cart_abandonment.windowMinutes: must be > 0"}.
 *
 * @param pattern the pattern's name, or its position ({@code "patterns[2]"}) when it has no usable name
 * @param field the offending field, or {@code ""} when the whole entry is wrong
 * @param reason what is wrong, in plain words
 */
public record PatternError(String pattern, String field, String reason) {

    public PatternError {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? pattern + ": " + reason : pattern + "." + field + ": " + reason;
    }
}
