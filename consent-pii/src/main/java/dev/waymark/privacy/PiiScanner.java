package dev.waymark.privacy;

import dev.waymark.privacy.internal.CardDetector;
import dev.waymark.privacy.internal.CustomDetector;
import dev.waymark.privacy.internal.Detector;
import dev.waymark.privacy.internal.EmailDetector;
import dev.waymark.privacy.internal.IbanDetector;
import dev.waymark.privacy.internal.IpDetector;
import dev.waymark.privacy.internal.OverlapResolver;
import dev.waymark.privacy.internal.PhoneDetector;
import dev.waymark.privacy.internal.SsnDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds structured personal data in free text: e-mail addresses, phone numbers (libphonenumber), payment cards
 * (Luhn), IBANs (mod 97), IPv4/IPv6 addresses, US SSNs, and operator-configured patterns. It does not find names or
 * postal addresses. Overlapping candidates are resolved to one match: the more specific kind wins, then the longer.
 * Immutable and thread-safe.
 */
public final class PiiScanner {

    /** The default region for phone numbers written without a country code. */
    public static final String DEFAULT_REGION = "US";
    /**
     * Further regions whose national formats {@link #standard()} accepts. Shoppers and web visitors give numbers of
     * their home country; these are the regions of the largest kiosk markets besides the default.
     */
    public static final List<String> STANDARD_EXTRA_REGIONS = List.of("GB", "DE", "FR");

    private final String defaultRegion;
    private final List<Detector> detectors;

    private PiiScanner(String defaultRegion, List<Detector> detectors) {
        this.defaultRegion = defaultRegion;
        this.detectors = List.copyOf(detectors);
    }

    /** A scanner with default region {@value #DEFAULT_REGION}, {@link #STANDARD_EXTRA_REGIONS}, no custom patterns. */
    public static PiiScanner standard() {
        return builder().build();
    }

    /** A builder starting from the standard configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** All personal data found in {@code text}, non-overlapping, ordered by position. */
    public List<PiiMatch> scan(String text) {
        Objects.requireNonNull(text, "text");
        List<PiiMatch> candidates = new ArrayList<>();
        for (Detector detector : detectors) {
            detector.detect(text, candidates);
        }
        return OverlapResolver.resolve(candidates);
    }

    /** The region used for phone numbers written without a country code. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** Configures a {@link PiiScanner}. Not thread-safe. */
    public static final class Builder {
        private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

        private String defaultRegion = DEFAULT_REGION;
        private final Set<String> extraRegions = new LinkedHashSet<>(STANDARD_EXTRA_REGIONS);
        private final Map<String, Pattern> customPatterns = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The region (ISO 3166 alpha-2, e.g. "US") for phone numbers without a country code; default
         * {@value PiiScanner#DEFAULT_REGION}. Throws {@link IllegalArgumentException} for a region libphonenumber
         * does not know.
         */
        public Builder defaultRegion(String region) {
            this.defaultRegion = checkedRegion("defaultRegion", region);
            return this;
        }

        /**
         * Replaces the further regions whose national formats are accepted (default
         * {@link PiiScanner#STANDARD_EXTRA_REGIONS}); none at all is allowed. Throws {@link IllegalArgumentException}
         * for an unknown region.
         */
        public Builder extraPhoneRegions(String... regions) {
            extraRegions.clear();
            for (String region : regions) {
                extraRegions.add(checkedRegion("extraPhoneRegions", region));
            }
            return this;
        }

        /**
         * Adds a pattern whose matches are reported as {@link PiiKind#CUSTOM} with {@code label}, which is masked as
         * {@code [LABEL]}. The label is 1-32 characters of A-Z, 0-9 and _, starting with a letter. Throws
         * {@link IllegalArgumentException} naming the label when the label is malformed or taken, the regex does not
         * compile, or it matches the empty string.
         */
        public Builder customPattern(String label, String regex) {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(regex, "regex");
            if (!LABEL.matcher(label).matches() || isBuiltInLabel(label)) {
                throw new IllegalArgumentException("label: '" + label
                        + "' must be 1-32 of A-Z, 0-9, _ starting with a letter, and not a built-in kind");
            }
            if (customPatterns.containsKey(label)) {
                throw new IllegalArgumentException("label: '" + label + "' is already configured");
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("regex of " + label + ": " + e.getDescription(), e);
            }
            if (pattern.matcher("").matches()) {
                throw new IllegalArgumentException("regex of " + label + ": must not match the empty string");
            }
            customPatterns.put(label, pattern);
            return this;
        }

        /** The scanner. */
        public PiiScanner build() {
            List<Detector> detectors = new ArrayList<>();
            customPatterns.forEach((label, pattern) -> detectors.add(new CustomDetector(label, pattern)));
            detectors.add(new EmailDetector());
            detectors.add(new IbanDetector());
            detectors.add(new CardDetector());
            detectors.add(new SsnDetector());
            detectors.add(new IpDetector());
            List<String> regions = new ArrayList<>();
            regions.add(defaultRegion);
            extraRegions.stream().filter(region -> !region.equals(defaultRegion)).forEach(regions::add);
            detectors.add(new PhoneDetector(regions));
            return new PiiScanner(defaultRegion, detectors);
        }

        private static boolean isBuiltInLabel(String label) {
            for (PiiKind kind : PiiKind.values()) {
                if (kind.name().equals(label)) {
                    return true;
                }
            }
            return false;
        }

        private static String checkedRegion(String field, String region) {
            Objects.requireNonNull(region, field);
            if (!PhoneDetector.supportsRegion(region)) {
                throw new IllegalArgumentException(field + ": '" + region + "' is not a region libphonenumber knows");
            }
            return region;
        }
    }
}
