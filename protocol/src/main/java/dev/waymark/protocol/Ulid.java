package dev.waymark.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * A ULID in its canonical form: 26 characters of upper-case Crockford base32, a 48-bit millisecond timestamp then
 * 80 random bits. Only the canonical form is accepted, so the dedup key {@code source + id} has one spelling.
 * Ordering by {@link #value()} is ordering by time, then randomness.
 *
 * @param value the canonical text
 */
public record Ulid(String value) implements Comparable<Ulid> {

    /** Length of the canonical text. */
    public static final int LENGTH = 26;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** Validates the text; throws IllegalArgumentException naming the value when it is not a canonical ULID. */
    public Ulid {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("ULID \"" + printable(value) + "\": " + problem);
        }
    }

    /** Parses canonical text; throws IllegalArgumentException naming the value when it is not a ULID. */
    public static Ulid parse(String text) {
        return new Ulid(text);
    }

    /** True when {@code text} is a canonical ULID. */
    public static boolean isValid(String text) {
        return text != null && problem(text) == null;
    }

    /**
     * Builds a ULID from its parts.
     *
     * @param epochMillis  the timestamp, 0 to 2^48-1
     * @param randomHigh16 the top 16 of the 80 random bits (only the low 16 bits are used)
     * @param randomLow64  the low 64 random bits
     */
    public static Ulid of(long epochMillis, int randomHigh16, long randomLow64) {
        if (epochMillis < 0 || epochMillis >= (1L << 48)) {
            throw new IllegalArgumentException("ULID timestamp out of range: " + epochMillis);
        }
        char[] out = new char[LENGTH];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (time & 31));
            time >>>= 5;
        }
        // 80 random bits = 16 characters: 4 characters hold the high 16 bits' top, the rest straddle the low 64.
        long hi = randomHigh16 & 0xFFFFL;
        long lo = randomLow64;
        for (int i = LENGTH - 1; i >= 10; i--) {
            out[i] = ALPHABET.charAt((int) (lo & 31));
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new Ulid(new String(out));
    }

    /** The millisecond timestamp carried in the first 10 characters. */
    public Instant timestamp() {
        long time = 0;
        for (int i = 0; i < 10; i++) {
            time = (time << 5) | ALPHABET.indexOf(value.charAt(i));
        }
        return Instant.ofEpochMilli(time);
    }

    @Override
    public int compareTo(Ulid other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problem(String text) {
        if (text.length() != LENGTH) {
            return "must be " + LENGTH + " characters, was " + text.length();
        }
        if (text.charAt(0) > '7') {
            return "timestamp overflows 48 bits";
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return "character " + i + " is not upper-case Crockford base32";
            }
        }
        return null;
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
