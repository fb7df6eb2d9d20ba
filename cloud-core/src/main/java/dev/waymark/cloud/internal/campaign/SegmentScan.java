package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.Store;
import dev.waymark.decision.SegmentRule;
import dev.waymark.protocol.Channel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.List;

/**
 * A campaign's read path alone: every live profile read with its journey, a chunk at a time on a reading
 * connection, and the segment evaluated, without deciding or writing. The limit a campaign's rate is measured
 * against.
 */
public final class SegmentScan {

    private SegmentScan() {
    }

    /** Counts {@link Tally#scanned()} and {@link Tally#inSegment()} over all profiles, {@code chunk} a read. */
    public static Future<Tally> count(Store store, SegmentRule segment, int chunk) {
        Promise<Tally> done = Promise.promise();
        next(store, segment, chunk, lease(""), Tally.ZERO, done);
        return done.future();
    }

    private static void next(Store store, SegmentRule segment, int chunk, PartitionLease lease, Tally sofar,
            Promise<Tally> done) {
        store.read(c -> {
            List<ProfileScan.Row> rows = ProfileScan.next(c, lease, chunk);
            long in = 0;
            for (ProfileScan.Row row : rows) {
                if (segment.matches(row.profile(), row.journey())) {
                    in++;
                }
            }
            return new Scanned(rows.isEmpty() ? null : rows.get(rows.size() - 1).profileId(),
                    new Tally(rows.size(), in, 0, 0, 0, 0));
        }).onFailure(done::fail).onSuccess(scanned -> {
            Tally total = sofar.plus(scanned.tally());
            if (scanned.last() == null || scanned.tally().scanned() < chunk) {
                done.complete(total);
            } else {
                next(store, segment, chunk, lease(scanned.last()), total, done);
            }
        });
    }

    private record Scanned(String last, Tally tally) {
    }

    private static PartitionLease lease(String after) {
        return new PartitionLease("scan", 0, "", after, "scan", Instant.EPOCH, "true", Channel.EMAIL, "scan");
    }
}
