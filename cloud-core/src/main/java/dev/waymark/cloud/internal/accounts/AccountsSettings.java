package dev.waymark.cloud.internal.accounts;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * How accounts behave; see docs/accounts.md for the keys.
 *
 * @param secureCookie   mark the session cookie {@code Secure}: true whenever the console is served over HTTPS
 * @param sessionTtl     how long a session lives after its last use (sliding)
 * @param lockoutAttempts failed sign-ins in a row that lock a user
 * @param lockout        how long a lock lasts
 */
public record AccountsSettings(boolean secureCookie, Duration sessionTtl, int lockoutAttempts, Duration lockout) {

    /** Key: mark the session cookie Secure (default true). */
    public static final String SECURE_COOKIE = "accounts.secureCookie";
    /** Key: session lifetime after last use, minutes (default 720 = 12 h). */
    public static final String SESSION_MINUTES = "accounts.sessionMinutes";
    /** Key: failed sign-ins that lock a user (default 5). */
    public static final String LOCKOUT_ATTEMPTS = "accounts.lockoutAttempts";
    /** Key: lock duration, minutes (default 15). */
    public static final String LOCKOUT_MINUTES = "accounts.lockoutMinutes";

    /** The defaults: Secure cookie, 12 h sliding sessions, lock for 15 minutes after 5 failures. */
    public static final AccountsSettings DEFAULTS =
            new AccountsSettings(true, Duration.ofHours(12), 5, Duration.ofMinutes(15));

    public AccountsSettings {
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException(SESSION_MINUTES + ": must be positive");
        }
        if (lockoutAttempts < 1) {
            throw new IllegalArgumentException(LOCKOUT_ATTEMPTS + ": must be at least 1");
        }
        if (lockout.isNegative()) {
            throw new IllegalArgumentException(LOCKOUT_MINUTES + ": must not be negative");
        }
    }

    /** The settings in {@code config}, defaults for absent keys; throws IllegalArgumentException naming a bad key. */
    public static AccountsSettings from(JsonObject config) {
        return new AccountsSettings(
                bool(config, SECURE_COOKIE, DEFAULTS.secureCookie),
                Duration.ofMinutes(number(config, SESSION_MINUTES, DEFAULTS.sessionTtl.toMinutes())),
                (int) number(config, LOCKOUT_ATTEMPTS, DEFAULTS.lockoutAttempts),
                Duration.ofMinutes(number(config, LOCKOUT_MINUTES, DEFAULTS.lockout.toMinutes())));
    }

    private static boolean bool(JsonObject config, String key, boolean fallback) {
        Object value = config.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException(key + ": must be true or false");
        }
        return b;
    }

    private static long number(JsonObject config, String key, long fallback) {
        Object value = config.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n) || n.longValue() != n.doubleValue() || n.longValue() > 1_000_000) {
            throw new IllegalArgumentException(key + ": must be a whole number up to 1000000");
        }
        return n.longValue();
    }
}
