package dev.waymark.edge.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The open kiosk session: a pseudonymous id drawn at random for each session (never derived from the device or
 * the shopper), when it started and when it was last touched.
 *
 * @param id        the session id, {@code ks-} and 20 random hex digits
 * @param startedAt its start on the kiosk's clock
 * @param lastTouch the latest capture in it
 */
record KioskSession(String id, Instant startedAt, Instant lastTouch) {

    KioskSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastTouch, "lastTouch");
    }

    KioskSession touchedAt(Instant now) {
        return new KioskSession(id, startedAt, now);
    }

    boolean idleAt(Instant now, Duration idle) {
        return !now.isBefore(lastTouch.plus(idle));
    }

    long durationMsAt(Instant now) {
        return Math.max(0, Duration.between(startedAt, now).toMillis());
    }
}
