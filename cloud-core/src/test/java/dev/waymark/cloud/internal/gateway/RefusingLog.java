package dev.waymark.cloud.internal.gateway;

import dev.waymark.cloud.EventLog;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real event log behind a switch that makes appends fail, as a full disk or a lost database would: the fault is
 * injected, everything else is the real log.
 */
final class RefusingLog implements EventLog {

    private final EventLog real;
    private final AtomicBoolean refusing = new AtomicBoolean(true);
    private final AtomicInteger refused = new AtomicInteger();

    RefusingLog(EventLog real) {
        this.real = real;
    }

    void heal() {
        refusing.set(false);
    }

    int refused() {
        return refused.get();
    }

    @Override
    public Future<Void> append(List<Entry> entries) {
        if (refusing.get()) {
            refused.incrementAndGet();
            return Future.failedFuture(new IllegalStateException("disk full (injected)"));
        }
        return real.append(entries);
    }

    @Override
    public void consume(String group, int maxBatch, Function<List<Entry>, Future<Void>> handler) {
        real.consume(group, maxBatch, handler);
    }

    @Override
    public Future<Long> lag(String group) {
        return real.lag(group);
    }

    @Override
    public void close() {
        real.close();
    }
}
