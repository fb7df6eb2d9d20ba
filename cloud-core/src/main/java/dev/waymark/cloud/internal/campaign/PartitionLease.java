package dev.waymark.cloud.internal.campaign;

import dev.waymark.protocol.Channel;
import java.time.Instant;

/**
 * A partition claimed by one runner until {@code until}: profiles with {@code checkpoint < id <= highKey} are
 * left ({@code highKey} empty: no upper bound).
 */
record PartitionLease(String campaignId, int partition, String highKey, String checkpoint, String owner,
        Instant until, String segment, Channel channel, String placement) {

    /** The same lease after a chunk ending at {@code lastDone}, extended to {@code newUntil}. */
    PartitionLease advanced(String lastDone, Instant newUntil) {
        return new PartitionLease(campaignId, partition, highKey, lastDone, owner, newUntil, segment, channel,
                placement);
    }
}
