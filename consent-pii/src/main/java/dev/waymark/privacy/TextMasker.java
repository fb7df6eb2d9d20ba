package dev.waymark.privacy;

import dev.waymark.protocol.PersonalData;
import java.util.Objects;
import java.util.Optional;

/**
 * Masks the structured personal data {@link PiiScanner} finds in free text, leaving the rest of the text as it was.
 * Names and postal addresses are not detected, so they are not masked: a free-text field that may hold them should
 * be dropped, not scanned. Thread-safe.
 */
public final class TextMasker {

    private final PiiScanner scanner;
    private final Optional<KeyRing> keys;

    private TextMasker(PiiScanner scanner, Optional<KeyRing> keys) {
        this.scanner = scanner;
        this.keys = keys;
    }

    /** A masker for both styles; tokens are made under the ring's active key. */
    public static TextMasker create(PiiScanner scanner, KeyRing keys) {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(keys, "keys");
        return new TextMasker(scanner, Optional.of(keys));
    }

    /** A masker without keys: {@link MaskStyle#REDACT} only. */
    public static TextMasker redacting(PiiScanner scanner) {
        Objects.requireNonNull(scanner, "scanner");
        return new TextMasker(scanner, Optional.empty());
    }

    /**
     * {@code text} with every match replaced according to {@code style}. Throws {@link IllegalStateException} for
     * {@link MaskStyle#TOKEN} on a masker made by {@link #redacting}.
     */
    public String mask(String text, MaskStyle style) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
        if (style == MaskStyle.TOKEN && keys.isEmpty()) {
            throw new IllegalStateException("style: TOKEN needs a key ring; this masker was made by redacting()");
        }
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (PiiMatch match : scanner.scan(text)) {
            masked.append(text, copied, match.start());
            masked.append(style == MaskStyle.REDACT
                    ? "[" + match.label() + "]"
                    : keys.orElseThrow().token(personalData(match.kind()), match.valueIn(text)));
            copied = match.end();
        }
        return masked.append(text, copied, text.length()).toString();
    }

    /**
     * The field kind a free-text match is tokenised as, so a phone in a sentence and a phone field give the same
     * token. Custom patterns exist for loyalty card formats, so they join with loyalty ids.
     */
    static PersonalData personalData(PiiKind kind) {
        return switch (kind) {
            case EMAIL -> PersonalData.EMAIL;
            case PHONE -> PersonalData.PHONE;
            case CARD -> PersonalData.PAYMENT_CARD;
            case IBAN -> PersonalData.IBAN;
            case IP -> PersonalData.IP_ADDRESS;
            case SSN -> PersonalData.SSN;
            case CUSTOM -> PersonalData.LOYALTY_ID;
        };
    }
}
