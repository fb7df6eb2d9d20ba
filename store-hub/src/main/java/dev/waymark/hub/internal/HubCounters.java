package dev.waymark.hub.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What the hub counts, for the status: refusals, rejections, commits, forwards. Thread-safe. */
public final class HubCounters {

    /** Connections refused by the authenticator. */
    public final AtomicLong refusedConnects = new AtomicLong();
    /** Kiosk publishes committed to the outbox (and acknowledged). */
    public final AtomicLong accepted = new AtomicLong();
    /** Kiosk publishes rejected: a foreign or missing {@code source}, or an invalid event. */
    public final AtomicLong rejected = new AtomicLong();
    /** Kiosk publishes refused because the outbox was over its quota or the commit failed. */
    public final AtomicLong refusedFull = new AtomicLong();
    /** Messages the upstream acknowledged (PUBACK below 0x80) and the outbox deleted. */
    public final AtomicLong forwarded = new AtomicLong();
    /** Upstream PUBACKs at or above 0x80 (the row was kept). */
    public final AtomicLong upstreamRefusals = new AtomicLong();
    /** Downlink messages delivered into the local broker. */
    public final AtomicLong downlinks = new AtomicLong();
}
