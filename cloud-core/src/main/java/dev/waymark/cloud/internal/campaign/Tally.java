package dev.waymark.cloud.internal.campaign;

/**
 * Counts of a chunk, a partition or a whole campaign.
 *
 * @param scanned    profiles read
 * @param inSegment  of those, in the segment
 * @param decided    decisions recorded (one per profile in the segment)
 * @param sent       decisions that sent an action
 * @param suppressed decisions left empty by contact policy (caps, cooldowns)
 * @param control    decisions held out as the control group
 */
public record Tally(long scanned, long inSegment, long decided, long sent, long suppressed, long control) {

    /** Nothing counted. */
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);

    /** This plus {@code other}. */
    public Tally plus(Tally other) {
        return new Tally(scanned + other.scanned, inSegment + other.inSegment, decided + other.decided,
                sent + other.sent, suppressed + other.suppressed, control + other.control);
    }
}
