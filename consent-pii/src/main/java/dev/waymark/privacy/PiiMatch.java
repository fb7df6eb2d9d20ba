package dev.waymark.privacy;

import java.util.Objects;

/**
 * One piece of personal data found in a text: its kind and its character range {@code [start, end)}.
 *
 * @param kind  what was found
 * @param start index of the first character
 * @param end   index after the last character
 * @param label the kind's name, or for {@link PiiKind#CUSTOM} the label of the pattern that matched
 */
public record PiiMatch(PiiKind kind, int start, int end, String label) {

    /** Validates the range and label; throws {@link IllegalArgumentException} naming the bad component. */
    public PiiMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("start/end: need 0 <= start < end, got " + start + ", " + end);
        }
        if (kind != PiiKind.CUSTOM && !label.equals(kind.name())) {
            throw new IllegalArgumentException("label: must be " + kind.name() + " for kind " + kind);
        }
        if (kind == PiiKind.CUSTOM && label.isBlank()) {
            throw new IllegalArgumentException("label: a custom match needs a label");
        }
    }

    /** A match of a built-in kind; use {@link #custom} for custom patterns. */
    public static PiiMatch of(PiiKind kind, int start, int end) {
        return new PiiMatch(kind, start, end, kind.name());
    }

    /** A match of the custom pattern named {@code label}. */
    public static PiiMatch custom(String label, int start, int end) {
        return new PiiMatch(PiiKind.CUSTOM, start, end, label);
    }

    /** Number of characters matched. */
    public int length() {
        return end - start;
    }

    /** True when this and {@code other} share at least one character. */
    public boolean overlaps(PiiMatch other) {
        return start < other.end && other.start < end;
    }

    /** The matched characters of {@code text}, the text this match was found in. */
    public String valueIn(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
