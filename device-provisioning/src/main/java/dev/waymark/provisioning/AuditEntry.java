package dev.waymark.provisioning;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the provisioning audit log. Never holds a token, key or password.
 *
 * @param sequence position in the log, from 1
 * @param at       when it happened
 * @param actor    who: {@code admin}, a device id, or the remote address of an anonymous caller
 * @param action   what was attempted, e.g. {@code enroll}, {@code token.create}, {@code revoke}
 * @param subject  what it was about: a store, a device id, or {@code -}
 * @param outcome  {@code ok}, or {@code refused: <reason>}
 */
public record AuditEntry(long sequence, Instant at, String actor, String action, String subject, String outcome) {

    /** Validates; throws IllegalArgumentException naming the field. */
    public AuditEntry {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence: must be >= 0, got " + sequence);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An entry to append; the registry assigns the sequence. */
    public static AuditEntry of(Instant at, String actor, String action, String subject, String outcome) {
        return new AuditEntry(0, at, actor, action, subject, outcome);
    }
}
