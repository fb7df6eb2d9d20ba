package dev.waymark.cloud.internal.log;

import dev.waymark.cloud.EventLog;
import java.util.Objects;
import java.util.Optional;

/**
 * The logs a cloud runs on: the ingest log that the gateway, the collector and the CRM webhook append to, and, on
 * a shared (Kafka) log, the log of the same events re-keyed by profile, which the pipeline consumes after the
 * profile router resolved them. The embedded default has no second log: one replica reads the ingest log in
 * append order, so the pipeline consumes it directly.
 *
 * @param ingest   entries keyed by what ingest knows (a device's source, a web identity)
 * @param profiles entries keyed by profile id, when the log is shared; else empty
 */
public record EventLogs(EventLog ingest, Optional<EventLog> profiles) {

    public EventLogs {
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(profiles, "profiles");
    }

    /** The embedded default: one log, consumed by the pipeline as it is appended. */
    public static EventLogs single(EventLog log) {
        return new EventLogs(log, Optional.empty());
    }

    /** A shared log: the router consumes {@code ingest} and appends to {@code profiles}, which the pipeline reads. */
    public static EventLogs routed(EventLog ingest, EventLog profiles) {
        return new EventLogs(ingest, Optional.of(profiles));
    }

    /** The log the pipeline consumes. */
    public EventLog pipeline() {
        return profiles.orElse(ingest);
    }

    /** Closes both logs. */
    public void close() {
        ingest.close();
        profiles.ifPresent(EventLog::close);
    }
}
