package dev.waymark.privacy;

/** What a consent record says. */
public enum ConsentStatus {
    /** The person agreed. */
    GRANTED,
    /** The person refused (or a signal such as Global Privacy Control refused for them). */
    DENIED,
    /** The person took back an earlier grant. */
    WITHDRAWN
}
