package dev.waymark.dist.internal.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The text {@code waymark bench e2e} prints: one block per phase, then pipeline beside echo and the target. */
final class BenchReport {

    private BenchReport() {
    }

    /** One phase: latency percentiles, touches, throughput, CPU and memory. */
    static String phase(PhaseResult result) {
        Histogram h = result.latency();
        Measurement m = result.load();
        double seconds = result.window().toMillis() / 1000.0;
        return String.format(Locale.ROOT, """
                %s
                  touch -> action   p50 %s  p99 %s  p99.9 %s  max %s
                  split at issuedAt send -> cloud issues the action p50 %s p99 %s; cloud -> screen p50 %s p99 %s
                  touches           %,d answered of %,d due (%,d timed out, %,d waited for the kiosk's previous one, \
                %,d stray actions)
                  throughput        %,d captures/s sent; %,.0f events/s stored by the kiosks; %,.0f events/s taken by \
                the cloud; %,d refusals
                  messages          %,.0f messages/s forwarded by the hubs (%.1f events per message)
                  backlog at end    hubs %,d messages, cloud event log %,d events
                  cpu               cloud %.1f s (%.2f cores), hubs %.1f s (%.2f cores), kiosks + driver %.1f s \
                (%.2f cores)
                  cpu per event     cloud %s (per event it took), hubs %s, kiosks + driver %s (per event stored)
                  cpu per message   cloud %s, hubs %s (per message forwarded)
                  peak RSS          cloud %s, hub %s, kiosks + driver %s
                  machine at end    %s
                """, result.name(), at(h, 50), at(h, 99), at(h, 99.9), at(h, 100), at(m.upstream(), 50),
                at(m.upstream(), 99), at(m.downstream(), 50), at(m.downstream(), 99), m.touchesAnswered.sum(), m.touchesDue.sum(),
                m.touchesTimedOut.sum(), m.touchesDeferred.sum(), m.strayActions.sum(),
                Math.round((m.touchesDue.sum() + m.browsesSent.sum()) / seconds), m.eventsStored.sum() / seconds,
                result.cloudEvents() / seconds, m.refusals.sum(), result.hubMessages() / seconds,
                result.hubMessages() == 0 ? 0.0 : (double) result.cloudEvents() / result.hubMessages(),
                result.hubBacklog(), result.cloudLag(),
                cpu(result.cloud()), cpu(result.cloud()) / seconds, cpu(result.hubs()), cpu(result.hubs()) / seconds,
                cpu(result.driver()), cpu(result.driver()) / seconds, perUnit(result.cloud(), result.cloudEvents()),
                perUnit(result.hubs(), m.eventsStored.sum()), perUnit(result.driver(), m.eventsStored.sum()),
                perUnit(result.cloud(), result.hubMessages()), perUnit(result.hubs(), result.hubMessages()),
                mb(result.cloud()), mb(result.hubs()), mb(result.driver()), result.machine());
    }

    /** Pipeline beside echo (the limit: same brokers and hub path, no pipeline), and the target. */
    static String comparison(PhaseResult echo, PhaseResult pipeline, long targetP99Millis, int targetRate) {
        Histogram e = echo.latency();
        Histogram p = pipeline.latency();
        long p99 = p.getValueAtPercentile(99);
        double stored = pipeline.load().eventsStored.sum() / (pipeline.window().toMillis() / 1000.0);
        boolean met = p.getTotalCount() > 0 && p99 <= targetP99Millis * 1000 && stored >= targetRate
                && pipeline.load().touchesAnswered.sum() == pipeline.load().touchesDue.sum();
        return String.format(Locale.ROOT, """
                pipeline / echo    p50 %s / %s = %s   p99 %s / %s = %s
                target             p99 <= %d ms at %,d events/s: %s (pipeline p99 %s at %,.0f events/s stored, \
                %,d of %,d touches answered)
                """, at(p, 50), at(e, 50), ratio(p, e, 50), at(p, 99), at(e, 99), ratio(p, e, 99), targetP99Millis,
                targetRate, met ? "met" : "MISSED", at(p, 99), stored, pipeline.load().touchesAnswered.sum(),
                pipeline.load().touchesDue.sum());
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    /** A percentile of what was recorded; "n/a" when nothing was (no touch answered), never a made-up 0 ms. */
    private static String at(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "n/a" : ms(h.getValueAtPercentile(percentile));
    }

    private static String ratio(Histogram numerator, Histogram denominator, double percentile) {
        long below = denominator.getValueAtPercentile(percentile);
        return numerator.getTotalCount() == 0 || denominator.getTotalCount() == 0 || below == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", (double) numerator.getValueAtPercentile(percentile) / below);
    }

    private static double cpu(ProcessUsage usage) {
        return usage.cpu().toMillis() / 1000.0;
    }

    private static String perUnit(ProcessUsage usage, long units) {
        return units == 0 ? "n/a" : String.format(Locale.ROOT, "%,d µs", usage.cpu().toNanos() / 1000 / units);
    }

    private static String mb(ProcessUsage usage) {
        return usage.peakRssBytes() == 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", usage.peakRssBytes() >> 20);
    }
}
