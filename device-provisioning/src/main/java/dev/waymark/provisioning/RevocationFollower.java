package dev.waymark.provisioning;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a hub runs to follow revocations: every {@code interval} it fetches the change feed and the CRL on a worker,
 * hands each new feed entry to {@code onRevoked} (the hub closes that device's connections) and installs the CRL in
 * its {@link DeviceTrust} (so the device cannot reconnect). With the default {@link #DEFAULT_INTERVAL} of 30 s a
 * revocation bites within a minute even if one poll fails. Failures are logged once per poll and retried at the
 * next tick. Callbacks run on the event loop.
 */
public final class RevocationFollower {

    /** Poll interval: half the one-minute promise, so one failed poll still keeps it. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(RevocationFollower.class.getName());

    private final Vertx vertx;
    private final Context context;
    private final RevocationFetcher fetcher;
    private final DeviceTrust trust;
    private final Consumer<Revocation> onRevoked;
    private volatile long sequence;
    private long timer = -1;

    private RevocationFollower(Vertx vertx, RevocationFetcher fetcher, DeviceTrust trust, long sequence,
                               Consumer<Revocation> onRevoked) {
        this.vertx = vertx;
        // Every callback runs on this one context, so the feed position is only ever moved by one thread.
        this.context = vertx.getOrCreateContext();
        this.fetcher = fetcher;
        this.trust = trust;
        this.sequence = sequence;
        this.onRevoked = onRevoked;
    }

    /**
     * A follower that starts after feed position {@code sequence} (0 for all), polls at once and then every
     * {@code interval}. Throws IllegalArgumentException for a non-positive interval.
     */
    public static RevocationFollower start(Vertx vertx, RevocationFetcher fetcher, DeviceTrust trust,
                                           long sequence, Duration interval, Consumer<Revocation> onRevoked) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: must be positive");
        }
        RevocationFollower follower = new RevocationFollower(vertx, Objects.requireNonNull(fetcher, "fetcher"),
                Objects.requireNonNull(trust, "trust"), sequence, Objects.requireNonNull(onRevoked, "onRevoked"));
        follower.timer = vertx.setPeriodic(interval.toMillis(), id -> follower.pollNow());
        follower.pollNow();
        return follower;
    }

    /** Polls once now; the future completes after new entries were handed over and the CRL installed. */
    public Future<Void> pollNow() {
        long from = sequence;
        return context.executeBlocking(() -> new Poll(fetcher.changesSince(from), fetcher.fetchCrl()), true)
                .compose(poll -> {
                    for (Revocation revocation : poll.changes()) {
                        if (revocation.sequence() > sequence) {
                            sequence = revocation.sequence();
                            onRevoked.accept(revocation);
                        }
                    }
                    return context.executeBlocking(() -> {
                        trust.update(poll.crl());
                        return null;
                    }, true);
                })
                .onFailure(failure -> LOG.log(System.Logger.Level.WARNING,
                        "revocation poll failed, retrying at the next tick: " + failure))
                .mapEmpty();
    }

    /** The feed position handed over so far. */
    public long sequence() {
        return sequence;
    }

    /** Stops polling. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private record Poll(List<Revocation> changes, X509CRL crl) {
    }
}
