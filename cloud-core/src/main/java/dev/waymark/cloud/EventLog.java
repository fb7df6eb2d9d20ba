package dev.waymark.cloud;

import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The log between ingest and processing, shaped for Kafka: records are keyed (one key's records stay in order), an
 * append completes only once the records are durable, and a consumer's position moves only after the handler's
 * future for a batch succeeds, i.e. after the state change it made is durable. A failed batch is offered again,
 * so handlers must be idempotent (the pipeline drops duplicates by CloudEvents {@code source}+{@code id}). The
 * embedded default keeps the log in the {@link Store}; with {@code eventLog.kind: "kafka"} it is a Kafka topic whose
 * consumer groups the replicas share (docs/cloud.md).
 */
public interface EventLog extends AutoCloseable {

    /** One record: the ordering key (a device source, or a web identity) and the encoded, masked event. */
    record Entry(String key, byte[] value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Appends the entries in order; completes once they are durable. */
    Future<Void> append(List<Entry> entries);

    /**
     * Starts delivering entries to {@code handler} in batches of at most {@code maxBatch}, in append order per key,
     * for the consumer group {@code group}. The next batch is offered only after the previous one's future
     * completed; a failed future re-offers the same entries after a pause.
     */
    void consume(String group, int maxBatch, Function<List<Entry>, Future<Void>> handler);

    /** Entries appended and not yet consumed by {@code group}. */
    Future<Long> lag(String group);

    /** Stops consuming. */
    @Override
    void close();
}
