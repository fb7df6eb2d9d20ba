package dev.waymark.privacy;

/** What {@link EventMasker} does with one personal field. */
public enum MaskingStrategy {
    /** Replace the value by its pseudonymous token (and, in a rotation window, add the other key's token). */
    TOKEN,
    /** Keep the last four characters: {@code ****1234}; values under eight characters become {@code ****}. */
    PARTIAL,
    /** Replace the value by its kind in brackets, e.g. {@code [IP]}. */
    REDACT,
    /** Remove the property. */
    DROP,
    /** Keep free text, with the structured PII {@link PiiScanner} finds in it masked. */
    SCAN
}
