package dev.waymark.protocol.internal;

/** UTF-8 sizes of text without encoding it. */
final class Utf8 {

    private Utf8() {
    }

    /** The number of UTF-8 bytes of {@code text[from, to)}; a lone surrogate counts as the 3 bytes of U+FFFD. */
    static int length(CharSequence text, int from, int to) {
        int bytes = 0;
        for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
