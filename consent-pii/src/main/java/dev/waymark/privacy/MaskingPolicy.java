package dev.waymark.privacy;

import dev.waymark.protocol.PersonalData;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which {@link MaskingStrategy} applies to a personal field: a strategy set for the field's path wins, else the
 * strategy for its kind. Defaults ({@link #defaults()}): identifiers (EMAIL, PHONE, LOYALTY_ID, CUSTOMER_ID) TOKEN;
 * PAYMENT_CARD and IBAN PARTIAL; IP_ADDRESS and SSN REDACT; PERSON_NAME, POSTAL_ADDRESS and FREE_TEXT DROP (a free-text
 * field is scanned only when its path is opted in with {@link MaskingStrategy#SCAN}). Scanned text is redacted
 * unless {@link #withScanStyle} says otherwise. Immutable; every {@code with...} returns a new policy.
 */
public final class MaskingPolicy {

    private static final Pattern PATH = Pattern.compile("[^.]+(\\.[^.]+)*");

    private final Map<PersonalData, MaskingStrategy> byKind;
    private final Map<String, MaskingStrategy> byField;
    private final MaskStyle scanStyle;

    private MaskingPolicy(Map<PersonalData, MaskingStrategy> byKind, Map<String, MaskingStrategy> byField,
            MaskStyle scanStyle) {
        this.byKind = byKind;
        this.byField = byField;
        this.scanStyle = scanStyle;
    }

    /** The default policy described in the class comment. */
    public static MaskingPolicy defaults() {
        Map<PersonalData, MaskingStrategy> byKind = new EnumMap<>(PersonalData.class);
        for (PersonalData kind : PersonalData.values()) {
            byKind.put(kind, defaultStrategy(kind));
        }
        return new MaskingPolicy(byKind, Map.of(), MaskStyle.REDACT);
    }

    private static MaskingStrategy defaultStrategy(PersonalData kind) {
        return switch (kind) {
            case EMAIL, PHONE, LOYALTY_ID, CUSTOMER_ID -> MaskingStrategy.TOKEN;
            case PAYMENT_CARD, IBAN -> MaskingStrategy.PARTIAL;
            case IP_ADDRESS, SSN -> MaskingStrategy.REDACT;
            case PERSON_NAME, POSTAL_ADDRESS, FREE_TEXT -> MaskingStrategy.DROP;
        };
    }

    /** This policy with {@code strategy} for every field of {@code kind} that has no field-specific strategy. */
    public MaskingPolicy withKind(PersonalData kind, MaskingStrategy strategy) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(strategy, "strategy");
        Map<PersonalData, MaskingStrategy> copy = new EnumMap<>(byKind);
        copy.put(kind, strategy);
        return new MaskingPolicy(copy, byField, scanStyle);
    }

    /**
     * This policy with {@code strategy} for the field at {@code path} (the payload's property name, dotted for
     * nested objects, e.g. {@code "feedback.comment"}). Throws {@link IllegalArgumentException} naming the path when
     * it is empty or has an empty segment.
     */
    public MaskingPolicy withField(String path, MaskingStrategy strategy) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(strategy, "strategy");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path: '" + path + "' must be dot-separated non-empty names");
        }
        Map<String, MaskingStrategy> copy = new LinkedHashMap<>(byField);
        copy.put(path, strategy);
        return new MaskingPolicy(byKind, Map.copyOf(copy), scanStyle);
    }

    /**
     * This policy with every {@link MaskingStrategy#TOKEN} turned into {@link MaskingStrategy#REDACT} and scanned text
     * redacted: for masking where no pseudonymization key is at hand, such as a privacy officer's redacting tool.
     */
    public MaskingPolicy withoutTokens() {
        Map<PersonalData, MaskingStrategy> kinds = new EnumMap<>(byKind);
        kinds.replaceAll((kind, strategy) -> untokenised(strategy));
        Map<String, MaskingStrategy> fields = new LinkedHashMap<>(byField);
        fields.replaceAll((path, strategy) -> untokenised(strategy));
        return new MaskingPolicy(kinds, Map.copyOf(fields), MaskStyle.REDACT);
    }

    /** True when masking under this policy makes tokens, directly or by scanning in {@link MaskStyle#TOKEN}. */
    public boolean needsKeys() {
        boolean scans = byKind.containsValue(MaskingStrategy.SCAN) || byField.containsValue(MaskingStrategy.SCAN);
        return byKind.containsValue(MaskingStrategy.TOKEN) || byField.containsValue(MaskingStrategy.TOKEN)
                || (scans && scanStyle == MaskStyle.TOKEN);
    }

    private static MaskingStrategy untokenised(MaskingStrategy strategy) {
        return strategy == MaskingStrategy.TOKEN ? MaskingStrategy.REDACT : strategy;
    }

    /** This policy with scanned free text masked in {@code style} (default {@link MaskStyle#REDACT}). */
    public MaskingPolicy withScanStyle(MaskStyle style) {
        Objects.requireNonNull(style, "style");
        return new MaskingPolicy(byKind, byField, style);
    }

    /** The strategy for the field at {@code path} holding a {@code kind}. */
    public MaskingStrategy strategyFor(String path, PersonalData kind) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        MaskingStrategy forField = byField.get(path);
        return forField != null ? forField : byKind.get(kind);
    }

    /** How text in a {@link MaskingStrategy#SCAN} field is masked. */
    public MaskStyle scanStyle() {
        return scanStyle;
    }

    @Override
    public String toString() {
        return "MaskingPolicy[byKind=" + byKind + ", byField=" + byField + ", scanStyle=" + scanStyle + "]";
    }
}
