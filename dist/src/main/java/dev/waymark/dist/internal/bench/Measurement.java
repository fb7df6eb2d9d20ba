package dev.waymark.dist.internal.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one stretch of load (a warm-up or a measured phase) sent and got back. A touch belongs to the measurement
 * it was due in, also when its action arrives later. Latencies are in microseconds, from the touch's due time to
 * its action on the kiosk's WebSocket. Thread-safe.
 */
final class Measurement {

    private final Recorder latency = new Recorder(3);
    final LongAdder touchesDue = new LongAdder();
    final LongAdder touchesAnswered = new LongAdder();
    final LongAdder touchesTimedOut = new LongAdder();
    final LongAdder touchesDeferred = new LongAdder();
    final LongAdder browsesSent = new LongAdder();
    final LongAdder eventsStored = new LongAdder();
    final LongAdder refusals = new LongAdder();
    final LongAdder strayActions = new LongAdder();
    private Histogram taken;

    /** Records one answered touch. */
    void answered(long dueNanos, long nowNanos) {
        latency.recordValue(Math.max(1, (nowNanos - dueNanos) / 1000));
        touchesAnswered.increment();
    }

    /** Every latency recorded so far; call once, after the measurement ended. */
    synchronized Histogram latencies() {
        if (taken == null) {
            taken = latency.getIntervalHistogram();
        }
        return taken;
    }

    /** Touches due and neither answered nor timed out yet. */
    long touchesOpen() {
        return touchesDue.sum() - touchesAnswered.sum() - touchesTimedOut.sum();
    }
}
