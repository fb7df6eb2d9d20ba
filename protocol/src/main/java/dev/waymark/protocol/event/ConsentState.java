package dev.waymark.protocol.event;

/** The decision a consent update records; on the wire in lower case ({@code granted}). */
public enum ConsentState {
    /** Consent given. */
    GRANTED,
    /** Consent refused when asked. */
    DENIED,
    /** Consent given earlier and taken back. */
    WITHDRAWN
}
