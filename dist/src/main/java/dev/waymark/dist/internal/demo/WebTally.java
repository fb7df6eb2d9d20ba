package dev.waymark.dist.internal.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The web simulator's counters, written from every browser's event loop, read from anywhere. */
final class WebTally {

    private final LongAdder visits = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private volatile String lastRefusal = "";

    void visit() {
        visits.increment();
    }

    void sent() {
        sent.increment();
    }

    void accepted() {
        accepted.increment();
    }

    void refused(int status, String why) {
        refused.computeIfAbsent(status, s -> new LongAdder()).increment();
        lastRefusal = status + " " + why;
    }

    void failed(String why) {
        failed.increment();
        lastRefusal = "no answer: " + why;
    }

    WebCounts snapshot() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        refused.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new WebCounts(visits.sum(), sent.sum(), accepted.sum(), byStatus, lastRefusal, failed.sum());
    }
}
