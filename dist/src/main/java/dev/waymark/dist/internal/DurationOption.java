package dev.waymark.dist.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}. */
public final class DurationOption {

    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    private DurationOption() {
    }

    /** Parses {@code text}; throws IllegalArgumentException naming {@code option}. */
    public static Duration parse(String option, String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(option + ": must be a positive number with ms, s, m or h, e.g. 90s, "
                    + "was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
