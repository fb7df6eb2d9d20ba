package dev.waymark.dist.internal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The kiosk agents of this JVM log into one file beside the hubs' and the cloud's logs, not onto the console. */
final class KioskLogs {

    // Held so the logger, and with it the handler, is not garbage collected (java.util.logging keeps weak refs).
    private static final Logger EDGE = Logger.getLogger("dev.waymark.edge");
    private static FileHandler handler;
    private static Path current;

    private KioskLogs() {
    }

    /** Sends the agents' log records to {@code file} (appending) instead of wherever they went before. */
    static synchronized void writeTo(Path file) throws IOException {
        if (file.equals(current)) {
            return;
        }
        if (handler != null) {
            EDGE.removeHandler(handler);
            handler.close();
        }
        Files.createDirectories(file.getParent());
        current = file;
        handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new SimpleFormatter());
        EDGE.addHandler(handler);
        EDGE.setUseParentHandlers(false);
    }
}
