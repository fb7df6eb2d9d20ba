package dev.waymark.provisioning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed attempts per caller (remote address) in a sliding window and blocks a caller that reached the
 * limit until its oldest failure leaves the window. A 192-bit token cannot be guessed anyway; the limit keeps the
 * audit log and the registry from being flooded, and makes a guessing caller visible.
 */
public final class AttemptLimiter {

    // Bounds memory under a spray from many addresses; beyond it the oldest-touched callers are forgotten.
    private static final int MAX_CALLERS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public AttemptLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** True when the caller has used up its failures in the current window. */
    public synchronized boolean isBlocked(String caller) {
        Deque<Instant> recent = prune(caller);
        return recent != null && recent.size() >= maxFailures;
    }

    /** Records a failed attempt. */
    public synchronized void failed(String caller) {
        if (failures.size() >= MAX_CALLERS && !failures.containsKey(caller)) {
            Instant horizon = clock.instant().minus(window);
            failures.values().forEach(recent -> trim(recent, horizon));
            failures.values().removeIf(Deque::isEmpty);
            if (failures.size() >= MAX_CALLERS) {
                failures.remove(failures.keySet().iterator().next());
            }
        }
        failures.computeIfAbsent(caller, key -> new ArrayDeque<>()).addLast(clock.instant());
    }

    private Deque<Instant> prune(String caller) {
        Deque<Instant> recent = failures.get(caller);
        if (recent == null) {
            return null;
        }
        trim(recent, clock.instant().minus(window));
        if (recent.isEmpty()) {
            failures.remove(caller);
            return null;
        }
        return recent;
    }

    private static void trim(Deque<Instant> recent, Instant horizon) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }
}
