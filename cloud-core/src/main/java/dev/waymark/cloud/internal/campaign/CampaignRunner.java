package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.Store;
import dev.waymark.decision.SegmentRule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One replica's share of campaign work: every poll it starts due campaigns and claims free partitions (up to
 * {@link CampaignSettings#workers()} at once), then decides each claimed partition a chunk at a time. A chunk's
 * profiles are decided on a reading connection; its decisions, contacts, outbox rows, the partition's new
 * checkpoint and counters then commit together in one write, which first checks that the lease is still this
 * runner's and the campaign still running, so no profile is decided twice. Each chunk is one piece of work on the
 * store's single writer, so the stream pipeline's writes interleave with a campaign's between chunks.
 */
public final class CampaignRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CampaignRunner.class.getName());

    private final Vertx vertx;
    private final Store store;
    private final CampaignDecider decider;
    private final CampaignSettings settings;
    private final String owner;
    private final Clock clock;
    private final CampaignBook campaigns = new CampaignBook();
    private final PartitionBook partitions = new PartitionBook();
    private final Map<String, SegmentRule> segments = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean polling;
    private volatile boolean closed;
    private long timer = -1;

    private record Chunk(List<ProfileScan.Row> rows, List<CampaignDecider.Decided> decided, Tally tally,
            Instant now) {
    }

    CampaignRunner(Vertx vertx, Store store, CampaignDecider decider, CampaignSettings settings, String owner,
            Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.decider = decider;
        this.settings = settings;
        this.owner = owner;
        this.clock = clock;
    }

    /** Polls every {@link CampaignSettings#poll()} until closed. */
    public void start() {
        timer = vertx.setPeriodic(settings.poll().toMillis(), id -> poll());
    }

    /** This runner's lease owner id. */
    public String owner() {
        return owner;
    }

    /**
     * Starts due campaigns and claims free partitions for the free workers; completes with the number claimed
     * (their deciding goes on in the background).
     */
    public Future<Integer> poll() {
        if (closed || polling || busy.get() >= settings.workers()) {
            return Future.succeededFuture(0);
        }
        polling = true;
        return store.write(c -> {
            Instant now = clock.instant();
            for (String due : campaigns.due(c, now)) {
                partitions.start(c, due, settings.partitions(), now);
            }
            List<PartitionLease> claimed = new ArrayList<>();
            Instant until = now.plus(settings.lease());
            while (busy.get() + claimed.size() < settings.workers()) {
                Optional<PartitionLease> lease = partitions.claim(c, owner, now, until);
                if (lease.isEmpty()) {
                    break;
                }
                claimed.add(lease.get());
            }
            return claimed;
        }).onComplete(done -> polling = false).map(claimed -> {
            claimed.forEach(lease -> {
                busy.incrementAndGet();
                decide(lease);
            });
            return claimed.size();
        });
    }

    private void decide(PartitionLease lease) {
        if (closed) {
            busy.decrementAndGet();
            return;
        }
        chunk(lease).onComplete(next -> {
            if (next.succeeded() && next.result().isPresent()) {
                decide(next.result().get());
                return;
            }
            busy.decrementAndGet();
            if (next.failed() && next.cause() instanceof SegmentBroken broken) {
                // Checked when the campaign was created, so only a CEL upgrade could get here: no retry will help.
                LOG.warning("campaign " + lease.campaignId() + " failed: " + broken.getMessage());
                store.write(c -> {
                    campaigns.fail(c, lease.campaignId(), broken.getMessage(), clock.instant());
                    partitions.release(c, lease);
                    return null;
                });
            } else if (next.failed()) {
                LOG.log(Level.WARNING, "campaign " + lease.campaignId() + " partition " + lease.partition()
                        + ": chunk failed; the partition is released and retried from its checkpoint", next.cause());
                store.write(c -> {
                    partitions.release(c, lease);
                    return null;
                });
            }
        });
    }

    /** Decides and commits one chunk; the advanced lease when the partition has more, empty when done or lost. */
    private Future<Optional<PartitionLease>> chunk(PartitionLease lease) {
        return store.read(c -> {
            Instant now = clock.instant();
            List<ProfileScan.Row> rows = ProfileScan.next(c, lease, settings.chunk());
            List<CampaignDecider.Decided> decided = new ArrayList<>();
            Tally tally = decider.decide(c, lease, segment(lease), rows, now, decided);
            return new Chunk(rows, decided, tally, now);
        }).compose(chunk -> store.write(c -> {
            boolean done = chunk.rows().size() < settings.chunk();
            String last = chunk.rows().isEmpty() ? lease.checkpoint()
                    : chunk.rows().get(chunk.rows().size() - 1).profileId();
            Instant until = clock.instant().plus(settings.lease());
            if (!partitions.advance(c, lease, last, chunk.tally(), done, until)) {
                // Paused or cancelled (give the partition back for a resume), or taken over after the lease ended.
                partitions.release(c, lease);
                return Optional.<PartitionLease>empty();
            }
            decider.record(c, lease, chunk.decided(), chunk.now());
            if (done) {
                campaigns.finishIfDone(c, lease.campaignId(), chunk.now());
                return Optional.<PartitionLease>empty();
            }
            return Optional.of(lease.advanced(last, until));
        }));
    }

    private SegmentRule segment(PartitionLease lease) {
        return segments.computeIfAbsent(lease.campaignId() + "\n" + lease.segment(), key -> {
            try {
                return SegmentRule.compile(lease.segment());
            } catch (IllegalArgumentException e) {
                throw new SegmentBroken("segment: does not compile: " + e.getMessage());
            }
        });
    }

    /** A stored segment that no longer compiles. */
    private static final class SegmentBroken extends RuntimeException {

        SegmentBroken(String message) {
            super(message, null, false, false);
        }
    }

    /** Partitions this runner is deciding now. */
    int busy() {
        return busy.get();
    }

    /** Stops polling and claiming; a chunk in flight still commits. */
    @Override
    public void close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
