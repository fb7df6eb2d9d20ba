package dev.waymark.dist.internal.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one stretch of load (a warm-up or a measured phase) sent and got back. A touch belongs to the measurement
 * it was due in, also when its action arrives later. Latencies are in microseconds, from the touch's due time to
 * its action on the kiosk's WebSocket. Each answered touch is also split at the action's {@code issuedAt} (the
 * cloud's clock, the same machine's): from its send to the cloud issuing the action ("up": kiosk, hub, cloud
 * ingest and, with the pipeline, the decision), and from there to the kiosk's screen ("down"). Thread-safe.
 */
final class Measurement {

    private final Recorder latency = new Recorder(3);
    private final Recorder up = new Recorder(3);
    private final Recorder down = new Recorder(3);
    final LongAdder touchesDue = new LongAdder();
    final LongAdder touchesAnswered = new LongAdder();
    final LongAdder touchesTimedOut = new LongAdder();
    final LongAdder touchesDeferred = new LongAdder();
    final LongAdder browsesSent = new LongAdder();
    final LongAdder eventsStored = new LongAdder();
    final LongAdder refusals = new LongAdder();
    final LongAdder strayActions = new LongAdder();
    private Histogram taken;
    private Histogram takenUp;
    private Histogram takenDown;

    /** Records one answered touch. */
    void answered(long dueNanos, long nowNanos) {
        latency.recordValue(Math.max(1, (nowNanos - dueNanos) / 1000));
        touchesAnswered.increment();
    }

    /** Records where the time of one answered touch went, in wall-clock microseconds since the epoch. */
    void split(long sentMicros, long issuedMicros, long shownMicros) {
        up.recordValue(Math.max(1, issuedMicros - sentMicros));
        down.recordValue(Math.max(1, shownMicros - issuedMicros));
    }

    /** Every latency recorded so far; call after the measurement ended. */
    synchronized Histogram latencies() {
        if (taken == null) {
            taken = latency.getIntervalHistogram();
        }
        return taken;
    }

    /** Send to the action's {@code issuedAt}, per answered touch; call after the measurement ended. */
    synchronized Histogram upstream() {
        if (takenUp == null) {
            takenUp = up.getIntervalHistogram();
        }
        return takenUp;
    }

    /** The action's {@code issuedAt} to its arrival on the screen; call after the measurement ended. */
    synchronized Histogram downstream() {
        if (takenDown == null) {
            takenDown = down.getIntervalHistogram();
        }
        return takenDown;
    }

    /** Touches due and neither answered nor timed out yet. */
    long touchesOpen() {
        return touchesDue.sum() - touchesAnswered.sum() - touchesTimedOut.sum();
    }
}
