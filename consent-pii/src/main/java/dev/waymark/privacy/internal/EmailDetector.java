package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses in the dot-atom form people actually type (RFC 5322 section 3.4.1 without quoted local parts or
 * address literals): a local part that neither starts nor ends with a dot, and a domain of DNS labels ending in an
 * alphabetic top-level domain.
 */
public final class EmailDetector implements Detector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+'-])"
                    + "[A-Za-z0-9_%+'-](?:[A-Za-z0-9._%+'-]{0,62}[A-Za-z0-9_%+'-])?"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}"
                    + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

    @Override
    public void detect(String text, List<PiiMatch> out) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().contains("..")) {
                out.add(PiiMatch.of(PiiKind.EMAIL, matcher.start(), matcher.end()));
            }
        }
    }
}
