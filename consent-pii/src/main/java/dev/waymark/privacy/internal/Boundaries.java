package dev.waymark.privacy.internal;

/**
 * Whether a candidate stands on its own in the text rather than being a piece of a longer code. Order numbers
 * ({@code ORD-2024-000123}), SKUs ({@code SKU-88213-XL}) and timestamps glue digits to letters or to more digits;
 * a real phone, card or SSN is separated from its neighbours by space or punctuation.
 */
final class Boundaries {

    private Boundaries() {
    }

    /** True when {@code [start, end)} is not glued to a neighbouring word or number. */
    static boolean standalone(String text, int start, int end) {
        return cleanBefore(text, start) && cleanAfter(text, end);
    }

    /**
     * Nothing alphanumeric right before, and no {@code X-}, {@code X/}, {@code X_} or {@code X.} before either, where
     * X is alphanumeric: that is how codes such as {@code ORD-2024-...} continue.
     */
    static boolean cleanBefore(String text, int start) {
        if (start == 0) {
            return true;
        }
        char before = text.charAt(start - 1);
        if (Character.isLetterOrDigit(before)) {
            return false;
        }
        boolean joiner = before == '-' || before == '/' || before == '_' || before == '.';
        return !(joiner && start >= 2 && Character.isLetterOrDigit(text.charAt(start - 2)));
    }

    /**
     * Nothing alphanumeric right after, and no joiner followed by a digit ({@code -7}, {@code .5}, {@code :30},
     * {@code /2}). A joiner followed by a letter is allowed: {@code 07700 063 966-Fax} is how forms label numbers.
     */
    static boolean cleanAfter(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char after = text.charAt(end);
        if (Character.isLetterOrDigit(after)) {
            return false;
        }
        boolean joiner = after == '-' || after == '/' || after == '_' || after == '.' || after == ':';
        return !(joiner && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)));
    }

    /** Number of ASCII digits in {@code [start, end)}. */
    static int digits(CharSequence text, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }
}
