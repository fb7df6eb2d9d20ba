package dev.waymark.protocol.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the CloudEvents {@code time} attribute: RFC 3339 with an offset. The shape every producer writes —
 * {@code 2026-11-23T10:15:00.123Z} or with {@code +01:00} — is read by hand, because {@code DateTimeFormatter} costs
 * a sixth of a whole event's decoding; anything else goes to {@code ISO_OFFSET_DATE_TIME}, so both paths accept
 * and reject exactly the same texts. {@link #format} writes what {@code Instant.toString()} writes, for the same
 * reason.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** The instant, or empty when {@code text} is not an RFC 3339 timestamp with an offset. */
    static Optional<Instant> parse(String text) {
        Optional<Instant> fast = fastPath(text);
        if (fast.isPresent()) {
            return fast;
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}; empty for any other shape or an impossible value. */
    static Optional<Instant> fastPath(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int at = 19;
        int nanos = 0;
        if (at < length && text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at++) - '0');
            }
            if (at == start || (at < length && isDigit(text.charAt(at)))) {
                return Optional.empty();
            }
            for (int scale = at - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return Optional.empty();
        }
        Optional<ZoneOffset> offset = offset(text, at);
        if (offset.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(offset.get()));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneOffset> offset(String text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return Optional.of(ZoneOffset.UTC);
        }
        char sign = left == 6 ? text.charAt(at) : '?';
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return Optional.empty();
        }
        int hours = digits(text, at + 1, at + 3);
        int minutes = digits(text, at + 4, at + 6);
        if (hours < 0 || minutes < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    /** Exactly {@code instant.toString()}: UTC, {@code Z}, the fraction in groups of three digits, none when 0. */
    static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return instant.toString();
        }
        StringBuilder out = new StringBuilder(30);
        pad(out, utc.getYear(), 4).append('-');
        pad(out, utc.getMonthValue(), 2).append('-');
        pad(out, utc.getDayOfMonth(), 2).append('T');
        pad(out, utc.getHour(), 2).append(':');
        pad(out, utc.getMinute(), 2).append(':');
        pad(out, utc.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(out, nanos / 1000, 6);
            } else {
                pad(out, nanos, 9);
            }
        }
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** The decimal value of {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
