package dev.waymark.hub.internal;

/**
 * A token bucket for the bridge: at most {@code perSecond} messages a second upstream, with a burst of one second's
 * worth, so draining a backlog after an outage cannot flood the upstream or starve what arrives meanwhile. Not
 * thread-safe: the bridge thread owns it.
 */
final class DrainRate {

    private final int perSecond;
    private double tokens;
    private long last;

    DrainRate(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.last = -1;
    }

    /** Takes up to {@code wanted} tokens at {@code nowMillis}; returns how many were granted. */
    int take(int wanted, long nowMillis) {
        refill(nowMillis);
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= granted;
        return Math.max(granted, 0);
    }

    /** Returns unused tokens. */
    void giveBack(int unused) {
        tokens = Math.min(perSecond, tokens + Math.max(unused, 0));
    }

    /** Milliseconds until at least one token is available. */
    long waitMillis(long nowMillis) {
        refill(nowMillis);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 1000.0 / perSecond);
    }

    private void refill(long nowMillis) {
        if (last >= 0 && nowMillis > last) {
            tokens = Math.min(perSecond, tokens + (nowMillis - last) * perSecond / 1000.0);
        }
        last = Math.max(last, nowMillis);
    }
}
