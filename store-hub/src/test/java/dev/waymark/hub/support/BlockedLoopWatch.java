package dev.waymark.hub.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects Vert.x's blocked-thread warnings (the checker only logs them). Listens on "io.vertx" so it keeps working
 * if the checker class moves; the message text is matched.
 */
public final class BlockedLoopWatch extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("io.vertx");
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private BlockedLoopWatch() {
    }

    public static BlockedLoopWatch install() {
        BlockedLoopWatch watch = new BlockedLoopWatch();
        watch.logger.addHandler(watch);
        return watch;
    }

    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void publish(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        if (message.contains("has been blocked")) {
            warnings.add(message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
