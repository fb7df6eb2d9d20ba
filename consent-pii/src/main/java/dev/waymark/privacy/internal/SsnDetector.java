package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers written {@code AAA-GG-SSSS} or {@code AAA GG SSSS}. Nine bare digits are not
 * accepted: too many order numbers and phone numbers look like that. The SSA never issues area 000, 666 or
 * 900-999, group 00 or serial 0000 (SSA, "Social Security Number Randomization", 2011); 078-05-1120 and
 * 219-09-9999 were printed in advertisements and are void.
 */
public final class SsnDetector implements Detector {

    private static final Pattern SSN = Pattern.compile("(\\d{3})([- ])(\\d{2})\\2(\\d{4})");

    @Override
    public void detect(String text, List<PiiMatch> out) {
        Matcher matcher = SSN.matcher(text);
        int from = 0;
        while (matcher.find(from)) {
            from = matcher.start() + 1;
            if (Boundaries.standalone(text, matcher.start(), matcher.end())
                    && issuable(matcher.group(1), matcher.group(3), matcher.group(4))) {
                out.add(PiiMatch.of(PiiKind.SSN, matcher.start(), matcher.end()));
                from = matcher.end();
            }
        }
    }

    static boolean issuable(String area, String group, String serial) {
        int areaNumber = Integer.parseInt(area);
        if (areaNumber == 0 || areaNumber == 666 || areaNumber >= 900) {
            return false;
        }
        if (group.equals("00") || serial.equals("0000")) {
            return false;
        }
        String whole = area + group + serial;
        return !whole.equals("078051120") && !whole.equals("219099999");
    }
}
