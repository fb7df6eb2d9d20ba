package dev.waymark.protocol.action;

import dev.waymark.protocol.internal.Check;

import java.time.Duration;
import java.time.Instant;

/**
 * What is sent to a device or channel: one chosen action of a decision. {@code value} is in minor units of
 * {@code currency}; the action must not be shown after {@code expiresAt}, which is also the MQTT message expiry.
 */
public record Action(String actionId, String decisionId, ActionKind kind, String placement, String title,
                     String body, long value, String currency, Instant issuedAt, Instant expiresAt) {

    /** Validates every field; throws IllegalArgumentException naming it; {@code expiresAt} must follow issuedAt. */
    public Action {
        Check.text("actionId", actionId);
        Check.text("decisionId", decisionId);
        Check.present("kind", kind);
        Check.text("placement", placement);
        Check.text("title", title);
        Check.present("body", body);
        Check.notNegative("value", value);
        Check.currency("currency", currency);
        Check.present("issuedAt", issuedAt);
        Check.present("expiresAt", expiresAt);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt: must be after issuedAt");
        }
    }

    /** The time to live: {@code expiresAt - issuedAt}. */
    public Duration ttl() {
        return Duration.between(issuedAt, expiresAt);
    }

    /** True when {@code now} is at or after {@code expiresAt}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
