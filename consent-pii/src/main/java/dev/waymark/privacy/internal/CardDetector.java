package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits (ISO/IEC 7812), written together or in groups separated by single spaces or
 * by single dashes (one separator style per number), passing the Luhn check. Maestro cards may have 12 digits, so a
 * 12-digit number is accepted when it starts with a Maestro prefix (50, 56-69). A run of digit groups longer than a
 * card ("card 4111 1111 1111 1111 2 days ago") is searched for the longest valid run of whole groups in it.
 */
public final class CardDetector implements Detector {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+(?:[ -]\\d+)*");
    private static final int MIN_DIGITS = 12;
    private static final int MAX_DIGITS = 19;

    @Override
    public void detect(String text, List<PiiMatch> out) {
        Matcher matcher = DIGIT_RUN.matcher(text);
        while (matcher.find()) {
            if (Boundaries.digits(text, matcher.start(), matcher.end()) < MIN_DIGITS) {
                continue;
            }
            List<int[]> groups = groups(text, matcher.start(), matcher.end());
            longestValid(text, groups).ifPresent(out::add);
        }
    }

    private static List<int[]> groups(String text, int start, int end) {
        List<int[]> groups = new ArrayList<>();
        int groupStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || !Character.isDigit(text.charAt(i))) {
                groups.add(new int[] {groupStart, i});
                groupStart = i + 1;
            }
        }
        return groups;
    }

    private static Optional<PiiMatch> longestValid(String text, List<int[]> groups) {
        Optional<PiiMatch> best = Optional.empty();
        for (int first = 0; first < groups.size(); first++) {
            for (int last = first; last < groups.size(); last++) {
                int start = groups.get(first)[0];
                int end = groups.get(last)[1];
                boolean longer = best.map(match -> end - start > match.length()).orElse(true);
                if (longer && isCard(text, start, end)) {
                    best = Optional.of(PiiMatch.of(PiiKind.CARD, start, end));
                }
            }
        }
        return best;
    }

    private static boolean isCard(String text, int start, int end) {
        String digits = digitsOnly(text, start, end);
        int length = digits.length();
        if (length < MIN_DIGITS || length > MAX_DIGITS) {
            return false;
        }
        if (length == MIN_DIGITS && !maestroPrefix(digits)) {
            return false;
        }
        if (!oneSeparatorStyle(text, start, end)) {
            return false;
        }
        boolean internationalPhone = start > 0 && text.charAt(start - 1) == '+';
        return !internationalPhone && Boundaries.standalone(text, start, end) && luhn(digits);
    }

    private static boolean maestroPrefix(String digits) {
        int prefix = Integer.parseInt(digits.substring(0, 2));
        return prefix == 50 || (prefix >= 56 && prefix <= 69);
    }

    private static boolean oneSeparatorStyle(String text, int start, int end) {
        boolean space = false;
        boolean dash = false;
        for (int i = start; i < end; i++) {
            space |= text.charAt(i) == ' ';
            dash |= text.charAt(i) == '-';
        }
        return !(space && dash);
    }

    private static String digitsOnly(String text, int start, int end) {
        StringBuilder digits = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** The Luhn (mod 10) check of ISO/IEC 7812-1 over a string of ASCII digits. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
