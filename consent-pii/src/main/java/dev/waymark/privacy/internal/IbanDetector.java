package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs, written compact ({@code GB82WEST12345698765432}) or in the print format of groups of four separated by
 * single spaces, in either letter case. A candidate must have exactly its country's length (ISO 13616 registry,
 * {@link IbanLengths}) and pass the mod-97 check (ISO 7064).
 */
public final class IbanDetector implements Detector {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[A-Za-z0-9]{11,30}|(?: ?[A-Za-z0-9]{1,4}){3,8})");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    @Override
    public void detect(String text, List<PiiMatch> out) {
        Matcher matcher = CANDIDATE.matcher(text);
        int from = 0;
        while (matcher.find(from)) {
            from = matcher.start() + 1;
            String country = text.substring(matcher.start(), matcher.start() + 2).toUpperCase(Locale.ROOT);
            int expected = IbanLengths.of(country);
            if (expected == 0) {
                continue;
            }
            int end = endAfterCharacters(text, matcher.start(), matcher.end(), expected);
            if (end < 0 || !Boundaries.cleanAfter(text, end)) {
                continue;
            }
            String compact = text.substring(matcher.start(), end).replace(" ", "").toUpperCase(Locale.ROOT);
            if (mod97(compact)) {
                out.add(PiiMatch.of(PiiKind.IBAN, matcher.start(), end));
                from = end;
            }
        }
    }

    /** Index after the {@code count}-th alphanumeric character, or -1 when the candidate is shorter. */
    private static int endAfterCharacters(String text, int start, int limit, int count) {
        int seen = 0;
        for (int i = start; i < limit; i++) {
            if (text.charAt(i) != ' ' && ++seen == count) {
                return i + 1;
            }
        }
        return -1;
    }

    /** ISO 7064 MOD 97-10 as IBANs use it: move the first four characters to the end, letters A=10 ... Z=35. */
    public static boolean mod97(String compactIban) {
        String rearranged = compactIban.substring(4) + compactIban.substring(0, 4);
        StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
