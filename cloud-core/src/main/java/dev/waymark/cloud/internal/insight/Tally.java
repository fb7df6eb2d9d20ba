package dev.waymark.cloud.internal.insight;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The counts of one block of a KPI report (overall, one action or one store) while the report is read. */
final class Tally {

    private long impressions;
    private long accepts;
    private long dismisses;
    private long converts;
    private long treatedN;
    private long treatedConversions;
    private long controlN;
    private long controlConversions;
    private final List<Long> latencies = new ArrayList<>();

    void outcome(String kind, long count) {
        switch (kind) {
            case "impression" -> impressions += count;
            case "accept" -> accepts += count;
            case "dismiss" -> dismisses += count;
            case "convert" -> converts += count;
            default -> {
                // Kinds are checked when recorded; an unknown one in the table is not a KPI input.
            }
        }
    }

    void arm(String arm, long n, long conversions) {
        if ("treated".equals(arm)) {
            treatedN += n;
            treatedConversions += conversions;
        } else if ("control".equals(arm)) {
            controlN += n;
            controlConversions += conversions;
        }
    }

    void latency(long millis) {
        latencies.add(millis);
    }

    Proportion treated() {
        return new Proportion(treatedN, treatedConversions);
    }

    Proportion control() {
        return new Proportion(controlN, controlConversions);
    }

    /** Accepts per impression; empty without impressions. */
    java.util.OptionalDouble acceptanceRate() {
        return impressions == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) accepts / impressions);
    }

    Latency latency() {
        return Latency.of(latencies.stream().mapToLong(Long::longValue).toArray());
    }

    JsonObject toJson(int minArm) {
        return new JsonObject().put("impressions", impressions).put("accepts", accepts)
                .put("dismisses", dismisses).put("converts", converts)
                .put("acceptanceRate", acceptanceRate().isPresent() ? acceptanceRate().getAsDouble() : null)
                .put("treated", treated().toJson()).put("control", control().toJson())
                .put("uplift", Uplift.of(treated(), control(), minArm).toJson())
                .put("latency", latency().toJson());
    }
}
