package dev.waymark.dist.internal.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The kiosk simulator's counters, written from every kiosk's event loop, read from anywhere. */
final class KioskTally {

    private final LongAdder shoppers = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final Map<String, LongAdder> actions = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder dismissed = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private volatile String lastRefusal = "";

    void shopper() {
        shoppers.increment();
    }

    void sent() {
        sent.increment();
    }

    void stored() {
        stored.increment();
    }

    void refused(String fieldAndReason) {
        refused.increment();
        lastRefusal = fieldAndReason;
    }

    void action(String kind) {
        actions.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void answered(boolean accept) {
        (accept ? accepted : dismissed).increment();
    }

    void unanswered() {
        unanswered.increment();
    }

    void reconnect() {
        reconnects.increment();
    }

    KioskCounts snapshot() {
        Map<String, Long> byKind = new TreeMap<>();
        actions.forEach((kind, count) -> byKind.put(kind, count.sum()));
        return new KioskCounts(shoppers.sum(), sent.sum(), stored.sum(), refused.sum(), lastRefusal, byKind,
                accepted.sum(), dismissed.sum(), unanswered.sum(), reconnects.sum());
    }
}
