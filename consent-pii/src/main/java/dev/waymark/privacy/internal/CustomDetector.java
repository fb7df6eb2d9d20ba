package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiMatch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches of one operator-configured pattern (a loyalty card format, say), labelled with the pattern's label. */
public final class CustomDetector implements Detector {

    private final String label;
    private final Pattern pattern;

    /** A detector reporting every non-empty match of {@code pattern} as a custom match named {@code label}. */
    public CustomDetector(String label, Pattern pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    @Override
    public void detect(String text, List<PiiMatch> out) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                out.add(PiiMatch.custom(label, matcher.start(), matcher.end()));
            }
        }
    }
}
