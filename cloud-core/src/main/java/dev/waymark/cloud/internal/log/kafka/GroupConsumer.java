package dev.waymark.cloud.internal.log.kafka;

import dev.waymark.cloud.EventLog.Entry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One member of a consumer group: polls a batch, hands it to the handler, commits the batch's offsets once the
 * handler's future succeeded, and only then polls again. A rebalance happens only inside a poll, so when a
 * partition is revoked no batch of it is in flight: it was committed, or rewound after a failure, and its new owner
 * starts at the last commit. A failed batch (handler or commit) is rewound and offered again after a pause.
 */
final class GroupConsumer {

    private static final Logger LOG = Logger.getLogger(GroupConsumer.class.getName());
    /** How long one poll waits for records; it returns as soon as there are some. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_MS = 500;

    private final Vertx vertx;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String group;
    private final Function<List<Entry>, Future<Void>> handler;
    private volatile boolean stopped;

    GroupConsumer(Vertx vertx, KafkaConsumer<String, byte[]> consumer, String group,
            Function<List<Entry>, Future<Void>> handler) {
        this.vertx = vertx;
        this.consumer = consumer;
        this.group = group;
        this.handler = handler;
    }

    void start(String topic) {
        consumer.subscribe(topic).onComplete(subscribed -> {
            if (subscribed.failed()) {
                LOG.log(Level.WARNING, "event log consumer " + group + " will retry subscribing: "
                        + subscribed.cause());
                later(() -> start(topic));
            } else {
                poll();
            }
        });
    }

    private void poll() {
        if (stopped) {
            return;
        }
        consumer.poll(POLL).compose(this::deliver).onComplete(result -> {
            if (result.succeeded()) {
                vertx.runOnContext(v -> poll());
            } else {
                LOG.log(Level.WARNING, "event log consumer " + group + " will retry: " + result.cause());
                later(this::poll);
            }
        });
    }

    private Future<Void> deliver(KafkaConsumerRecords<String, byte[]> records) {
        if (records.isEmpty() || stopped) {
            return Future.succeededFuture();
        }
        List<Entry> entries = new ArrayList<>(records.size());
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            KafkaConsumerRecord<String, byte[]> record = records.recordAt(i);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1, ""));
            entries.add(new Entry(record.key(), record.value()));
        }
        return handler.apply(entries)
                .compose(handled -> consumer.commit(next))
                .<Void>mapEmpty()
                .recover(failure -> rewind(first).transform(rewound -> Future.failedFuture(failure)));
    }

    // Seeks each partition of the batch back to its first record; a partition this member lost meanwhile is skipped,
    // its new owner reads from the last commit.
    private Future<Void> rewind(Map<TopicPartition, Long> first) {
        List<Future<Void>> seeks = new ArrayList<>(first.size());
        first.forEach((partition, offset) -> seeks.add(consumer.seek(partition, offset)
                .recover(lost -> Future.succeededFuture())));
        return Future.join(seeks).mapEmpty();
    }

    private void later(Runnable task) {
        if (!stopped) {
            vertx.setTimer(RETRY_MS, id -> task.run());
        }
    }

    /** Stops polling and leaves the group; a batch in flight is not committed. */
    void stop() {
        stopped = true;
        consumer.close().onFailure(failure -> LOG.log(Level.FINE, "closing consumer " + group + ": " + failure));
    }
}
