package dev.waymark.privacy;

/** How {@link TextMasker} replaces personal data found in free text. */
public enum MaskStyle {
    /** By its kind in brackets: {@code [EMAIL]}, {@code [PHONE]}, {@code [CARD]}, {@code [IBAN]}, {@code [IP]},
     *  {@code [SSN]}, or a custom pattern's {@code [LABEL]}. */
    REDACT,
    /** By its pseudonymous token under the active key, {@code tok:{keyId}:{hash}}. */
    TOKEN
}
