package dev.waymark.privacy;

/** The kinds of structured personal data {@link PiiScanner} finds in free text. */
public enum PiiKind {
    /** An e-mail address. */
    EMAIL,
    /** A telephone number, as libphonenumber recognises it. */
    PHONE,
    /** A payment card number that passes the Luhn check. */
    CARD,
    /** An IBAN with a valid country length and mod-97 checksum. */
    IBAN,
    /** An IPv4 or IPv6 address. */
    IP,
    /** A US social security number, written with separators. */
    SSN,
    /** A match of an operator-configured pattern; the match carries the pattern's label. */
    CUSTOM
}
