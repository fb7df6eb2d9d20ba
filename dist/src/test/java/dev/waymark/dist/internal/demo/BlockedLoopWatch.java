package dev.waymark.dist.internal.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records Vert.x's blocked-thread warnings while open, so an integration test can fail on them (the checker only
 * logs). Needs Vert.x on java.util.logging, which the Failsafe configuration sets.
 */
final class BlockedLoopWatch extends Handler implements AutoCloseable {

    private final Logger vertx = Logger.getLogger("io.vertx");
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    BlockedLoopWatch() {
        vertx.addHandler(this);
    }

    List<String> warnings() {
        return warnings;
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
