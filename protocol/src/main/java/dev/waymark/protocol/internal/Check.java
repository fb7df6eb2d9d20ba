package dev.waymark.protocol.internal;

import dev.waymark.protocol.Limits;

import java.util.List;
import java.util.Optional;

/**
 * Argument checks for the contract records. Every message starts with {@code field: } so the codec can turn a
 * failed check into a {@code Rejection} naming the field.
 */
public final class Check {

    private Check() {
    }

    /** Present, not blank, at most {@link Limits#MAX_STRING_CHARS}. */
    public static String text(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is missing");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return bounded(field, value);
    }

    /** Empty, or a string of at most {@link Limits#MAX_STRING_CHARS}. */
    public static void optionalText(String field, Optional<String> value) {
        present(field, value);
        value.ifPresent(v -> bounded(field, v));
    }

    /** Not null. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is missing");
        }
        return value;
    }

    /** Zero or more. */
    public static void notNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + value);
        }
    }

    /** One or more. */
    public static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": must be positive, was " + value);
        }
    }

    /** Within [min, max]. */
    public static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": must be " + min + " to " + max + ", was " + value);
        }
    }

    /** An ISO 4217 style code: three upper-case ASCII letters. */
    public static void currency(String field, String value) {
        text(field, value);
        if (value.length() != 3 || !value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException(field + ": must be three upper-case letters (ISO 4217)");
        }
    }

    /** A list of at most {@link Limits#MAX_LIST_ITEMS} non-null elements; returns an immutable copy. */
    public static <T> List<T> list(String field, List<T> value) {
        present(field, value);
        if (value.size() > Limits.MAX_LIST_ITEMS) {
            throw new IllegalArgumentException(field + ": has more than " + Limits.MAX_LIST_ITEMS + " elements");
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "]: is missing");
            }
        }
        return List.copyOf(value);
    }

    /** Segment spec: a call carries an anonymousId, a userId, or both. */
    public static void identity(Optional<String> anonymousId, Optional<String> userId) {
        optionalText("anonymousId", anonymousId);
        optionalText("userId", userId);
        if (anonymousId.isEmpty() && userId.isEmpty()) {
            throw new IllegalArgumentException("userId: one of anonymousId and userId is required");
        }
    }

    private static String bounded(String field, String value) {
        if (value.length() > Limits.MAX_STRING_CHARS) {
            throw new IllegalArgumentException(field + ": is longer than " + Limits.MAX_STRING_CHARS
                    + " characters");
        }
        return value;
    }
}
