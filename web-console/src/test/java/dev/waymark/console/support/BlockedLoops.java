package dev.waymark.console.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records Vert.x's blocked-thread warnings while open (the checker only logs), so a stack can fail on them. Listens
 * on {@code io.vertx} and matches the text, which keeps working if the checker's class moves.
 */
final class BlockedLoops extends Handler implements AutoCloseable {

    private final Logger vertx = Logger.getLogger("io.vertx");
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    BlockedLoops() {
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
