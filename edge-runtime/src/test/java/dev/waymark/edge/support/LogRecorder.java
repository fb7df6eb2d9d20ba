package dev.waymark.edge.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records the java.util.logging records of the agent, Vert.x, Netty and Paho while installed: the PII test scans
 * them, and the tests that run Vert.x check them for the blocked-thread checker's warning (the checker only logs).
 * The handler sits on those loggers, not on the root: HiveMQ replaces the root logger's handlers when it starts.
 */
public final class LogRecorder extends Handler implements AutoCloseable {

    // java.util.logging holds loggers weakly; these references keep the handlers attached.
    private static final List<Logger> WATCHED = List.of(Logger.getLogger("dev.waymark"), Logger.getLogger("io.vertx"),
            Logger.getLogger("io.netty"), Logger.getLogger("org.eclipse.paho"));
    private static final Logger EDGE = Logger.getLogger("dev.waymark.edge");
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogRecorder() {
    }

    public static LogRecorder install() {
        LogRecorder recorder = new LogRecorder();
        recorder.setLevel(Level.ALL);
        EDGE.setLevel(Level.ALL);
        WATCHED.forEach(logger -> logger.addHandler(recorder));
        return recorder;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Warnings of Vert.x's blocked-thread checker. */
    public List<String> blockedThreadWarnings() {
        return lines.stream().filter(line -> line.contains("has been blocked for")).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        WATCHED.forEach(logger -> logger.removeHandler(this));
    }
}
