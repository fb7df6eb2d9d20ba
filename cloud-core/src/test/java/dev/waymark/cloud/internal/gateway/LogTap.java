package dev.waymark.cloud.internal.gateway;

import dev.waymark.cloud.EventLog;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Consumes an event log as its own group and keeps every entry, for assertions. */
final class LogTap {

    private final List<EventLog.Entry> entries = new CopyOnWriteArrayList<>();

    LogTap(EventLog log, String group) {
        log.consume(group, 500, batch -> {
            entries.addAll(batch);
            return Future.succeededFuture();
        });
    }

    List<EventLog.Entry> entries() {
        return entries;
    }

    /** The values as text, in log order. */
    List<String> values() {
        return entries.stream().map(e -> new String(e.value(), StandardCharsets.UTF_8)).toList();
    }

    /** The values of entries with {@code key}. */
    List<String> valuesOf(String key) {
        return entries.stream().filter(e -> e.key().equals(key))
                .map(e -> new String(e.value(), StandardCharsets.UTF_8)).toList();
    }
}
