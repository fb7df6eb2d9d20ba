package dev.waymark.protocol;

/**
 * The kind of personal data a payload field holds. Payload types declare their personal fields with these kinds;
 * {@code consent-pii} decides, per kind, how a field is masked before anything is stored.
 */
public enum PersonalData {
    /** An e-mail address. */
    EMAIL,
    /** A telephone number. */
    PHONE,
    /** A payment card number (PAN). */
    PAYMENT_CARD,
    /** An IBAN. */
    IBAN,
    /** An IPv4 or IPv6 address. */
    IP_ADDRESS,
    /** A US social security number. */
    SSN,
    /** A loyalty card number. */
    LOYALTY_ID,
    /** The retailer's customer or CRM id. */
    CUSTOMER_ID,
    /** A person's name. */
    PERSON_NAME,
    /** A postal address. */
    POSTAL_ADDRESS,
    /** Text typed by a person (search box, feedback): may hold anything, so it is dropped unless scanned. */
    FREE_TEXT
}
