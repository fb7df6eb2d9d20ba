package dev.waymark.privacy.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Telephone numbers found by libphonenumber's {@code findNumbers}. Numbers with an international prefix are found
 * whatever the region; a number in national format is found when it is a possible number of one of the configured
 * regions (the default region first).
 *
 * <p>Leniency is {@code POSSIBLE} (right length for the region), not {@code VALID}: people mistype, and synthetic
 * or newly allocated ranges are often "invalid" to the metadata, which cost more than half of the recall in our
 * evaluation. The price is precision, bought back by filters of our own: at least {@value #MIN_DIGITS} digits;
 * the match must stand alone (not part of {@code ORD-2024-000123} or {@code SKU-88213-XL}, see {@link Boundaries});
 * and it must not have a shape that is something else: a date or a code starting with a year
 * ({@code 2024-000123-77}), a decimal amount ({@code 12345.67}), or twelve or more bare digits (EAN barcodes, epoch
 * milliseconds; a national number written without separators has at most eleven).
 */
public final class PhoneDetector implements Detector {

    /** Seven digits is the shortest subscriber number we mask; shorter runs are house numbers, ages, prices. */
    static final int MIN_DIGITS = 7;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Shapes that are not phone numbers: dates and year-prefixed codes, decimal amounts, long bare digit runs. */
    private static final Pattern NOT_A_PHONE = Pattern.compile(String.join("|",
            "(?:19|20)\\d{2}[-/.].*",
            "\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}.*",
            "\\d+(?:,\\d{3})*[.,]\\d{1,2}",
            "\\d{12,}"));

    private final List<String> regions;

    /** A detector for numbers of {@code regions}, the first being the default region. */
    public PhoneDetector(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public void detect(String text, List<PiiMatch> out) {
        if (Boundaries.digits(text, 0, text.length()) < MIN_DIGITS) {
            return;
        }
        for (String region : regions) {
            for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE,
                    Long.MAX_VALUE)) {
                int start = match.start();
                int end = match.end();
                if (Boundaries.digits(text, start, end) >= MIN_DIGITS
                        && Boundaries.standalone(text, start, end)
                        && !NOT_A_PHONE.matcher(match.rawString()).matches()) {
                    out.add(PiiMatch.of(PiiKind.PHONE, start, end));
                }
            }
        }
    }

    /** True when libphonenumber knows {@code region} (an ISO 3166 alpha-2 code such as "US"). */
    public static boolean supportsRegion(String region) {
        return PHONES.getSupportedRegions().contains(region);
    }
}
