package dev.waymark.cloud.internal.collector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The collector's counters: {@code wm.collector.events} (tag {@code type}, the CloudEvents type) for every event
 * appended, and {@code wm.collector.rejected} (tag {@code reason}) for every refused request or dropped call.
 */
final class CollectorMetrics {

    /** Rejection reasons, the values of the {@code reason} tag. */
    enum Reason {
        UNAUTHORIZED, MALFORMED, TOO_LARGE, INVALID, DUPLICATE, UNSUPPORTED_TYPE, UNAVAILABLE, DEFECT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    CollectorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one appended event of {@code type}. */
    void accepted(String type) {
        Counter.builder("wm.collector.events").description("Web/app events appended to the event log")
                .tag("type", type).register(registry).increment();
    }

    /** Counts {@code count} refusals for {@code reason}; zero counts nothing. */
    void rejected(Reason reason, int count) {
        if (count > 0) {
            Counter.builder("wm.collector.rejected").description("Web/app requests refused or calls dropped")
                    .tag("reason", reason.tag()).register(registry).increment(count);
        }
    }
}
