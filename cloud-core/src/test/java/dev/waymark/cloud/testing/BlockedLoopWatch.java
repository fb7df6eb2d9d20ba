package dev.waymark.cloud.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records Vert.x's blocked-thread warnings while open, so a test can fail on them: the checker only logs. Vert.x
 * 5.0.8 logs under {@code io.vertx.core.impl.BlockedThreadChecker}; listening on {@code io.vertx} and matching the
 * text keeps working if the class moves.
 */
public final class BlockedLoopWatch extends Handler implements AutoCloseable {

    private final Logger vertx = Logger.getLogger("io.vertx");
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    /** Starts listening. */
    public BlockedLoopWatch() {
        vertx.addHandler(this);
    }

    /** The warnings seen so far. */
    public List<String> warnings() {
        return warnings;
    }

    /** Throws an AssertionError naming the first warning, if any was seen. */
    public void requireNone() {
        if (!warnings.isEmpty()) {
            throw new AssertionError("Vert.x reported a blocked event loop: " + warnings.get(0));
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (String.valueOf(record.getMessage()).contains("has been blocked")) {
            warnings.add(String.valueOf(record.getMessage()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        vertx.removeHandler(this);
    }
}
