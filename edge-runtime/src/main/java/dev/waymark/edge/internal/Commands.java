package dev.waymark.edge.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.util.logging.Logger;

/**
 * Commands on {@code .../d/{device}/cmd}: a JSON object {@code {"command": name}} with one of {@code drain}
 * (publish the outbox now), {@code bundle-refresh} (fetch the retained bundle again), {@code status-report}
 * (publish the status now) and {@code log-level} (with {@code "level"}: a java.util.logging level such as
 * {@code FINE}, applied to {@code dev.waymark.edge}). Anything else is logged and ignored.
 */
final class Commands {

    private static final System.Logger LOG = System.getLogger(Commands.class.getName());
    // java.util.logging keeps loggers weakly: hold the one whose level a command sets.
    private static final Logger EDGE_LOGGER = Logger.getLogger("dev.waymark.edge");

    private final Uplink uplink;

    Commands(Uplink uplink) {
        this.uplink = uplink;
    }

    void run(byte[] payload) {
        JsonObject command;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(payload))) {
            command = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            LOG.log(Level.WARNING, "command ignored: not a JSON object");
            return;
        }
        String name = command.get("command") instanceof JsonString s ? s.getString() : "";
        switch (name) {
            case "drain" -> uplink.nudge();
            case "bundle-refresh" -> uplink.refreshBundle();
            case "status-report" -> uplink.reportStatus();
            case "log-level" -> logLevel(command);
            default -> LOG.log(Level.WARNING, "command ignored: unknown command");
        }
    }

    private static void logLevel(JsonObject command) {
        String level = command.get("level") instanceof JsonString s ? s.getString() : "";
        try {
            EDGE_LOGGER.setLevel(java.util.logging.Level.parse(level));
            LOG.log(Level.INFO, "log level set to " + level);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "log-level command ignored: unknown level");
        }
    }
}
