package dev.waymark.cloud.internal.log.kafka;

import dev.waymark.cloud.EventLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.ListOffsetsResultInfo;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.admin.OffsetSpec;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The {@link EventLog} on a Kafka topic, for a cloud of several replicas: an entry's key is the record key, so one
 * key's entries share a partition and stay in order; an append completes once every record is acknowledged by all
 * in-sync replicas (acks=all, idempotent producer). {@link #consume} joins the Kafka consumer group of the same
 * name, so the replicas of a group split the partitions; offsets are committed only after the handler's future
 * succeeded, and a replica keeps nothing between batches, so a partition moved by a rebalance is re-read by its
 * new owner from the last commit.
 */
public final class KafkaEventLog implements EventLog {

    private static final Logger LOG = Logger.getLogger(KafkaEventLog.class.getName());
    private static final long RETRY_MS = 5_000;

    private final Vertx vertx;
    private final KafkaLogSettings settings;
    private final String topic;
    private final KafkaAdminClient admin;
    private final KafkaProducer<String, byte[]> producer;
    private final List<GroupConsumer> consumers = new ArrayList<>();
    private volatile boolean closed;

    private KafkaEventLog(Vertx vertx, KafkaLogSettings settings, String topic) {
        this.vertx = vertx;
        this.settings = settings;
        this.topic = topic;
        this.admin = KafkaAdminClient.create(vertx, clientConfig(settings));
        Map<String, String> producerConfig = clientConfig(settings);
        producerConfig.put("acks", "all");
        producerConfig.put("enable.idempotence", "true");
        producerConfig.put("client.id", "waymark-log-" + UUID.randomUUID());
        this.producer = KafkaProducer.create(vertx, producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Connects to the brokers and creates the ingest topic ({@code topic}) with the configured partitions and
     * replication factor when it does not exist yet; fails when the brokers cannot create it (e.g. fewer brokers
     * than the replication factor).
     */
    public static Future<KafkaEventLog> open(Vertx vertx, KafkaLogSettings settings) {
        return open(vertx, settings, settings.topic());
    }

    /** As {@link #open(Vertx, KafkaLogSettings)}, for the topic of events keyed by profile ({@code profileTopic}). */
    public static Future<KafkaEventLog> openProfiles(Vertx vertx, KafkaLogSettings settings) {
        return open(vertx, settings, settings.profileTopic());
    }

    private static Future<KafkaEventLog> open(Vertx vertx, KafkaLogSettings settings, String topic) {
        // A Kafka client resolves its bootstrap servers' names as it is made: on a worker, not the event loop.
        return vertx.executeBlocking(() -> new KafkaEventLog(vertx, settings, topic), false)
                .compose(log -> log.ensureTopic().map(log).recover(failure -> {
                    log.close();
                    return Future.failedFuture(failure);
                }))
                .recover(failure -> Future.failedFuture(new IllegalStateException("eventLog.kafka: topic "
                        + topic + " at " + settings.bootstrapServers() + ": " + failure.getMessage(),
                        failure)));
    }

    private Future<Void> ensureTopic() {
        return admin.listTopics().compose(topics -> {
            if (topics.contains(topic)) {
                return Future.succeededFuture();
            }
            NewTopic created = new NewTopic(topic, settings.partitions(), (short) settings.replicationFactor());
            // Another replica starting at the same moment may have created it first.
            return admin.createTopics(List.of(created)).recover(failure -> failure instanceof TopicExistsException
                    || failure.getCause() instanceof TopicExistsException
                    ? Future.succeededFuture() : Future.failedFuture(failure));
        });
    }

    @Override
    public Future<Void> append(List<Entry> entries) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("the event log is closed"));
        }
        // The idempotent producer keeps the records of a partition in send order, retries included.
        List<Future<?>> sent = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            sent.add(producer.send(KafkaProducerRecord.create(topic, entry.key(), entry.value())));
        }
        return Future.all(sent).mapEmpty();
    }

    @Override
    public void consume(String group, int maxBatch, Function<List<Entry>, Future<Void>> handler) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch: must be >= 1, got " + maxBatch);
        }
        Map<String, String> config = clientConfig(settings);
        config.put("group.id", group);
        config.put("enable.auto.commit", "false");
        config.put("auto.offset.reset", "earliest");
        config.put("max.poll.records", Integer.toString(maxBatch));
        vertx.executeBlocking(() -> KafkaConsumer.create(vertx, config, new StringDeserializer(),
                new ByteArrayDeserializer()), false).onComplete(created -> {
                    if (created.succeeded()) {
                        join(new GroupConsumer(vertx, created.result(), group, handler));
                    } else {
                        LOG.log(Level.WARNING, "event log consumer " + group + " could not be made, will retry: "
                                + created.cause());
                        vertx.setTimer(RETRY_MS, id -> {
                            if (!closed) {
                                consume(group, maxBatch, handler);
                            }
                        });
                    }
                });
    }

    private void join(GroupConsumer member) {
        synchronized (consumers) {
            if (closed) {
                member.stop();
                return;
            }
            consumers.add(member);
        }
        member.start(topic);
    }

    /** The records after {@code group}'s committed offsets (after the earliest kept offsets where none is). */
    @Override
    public Future<Long> lag(String group) {
        return admin.describeTopics(List.of(topic)).compose(topics -> {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            topics.get(topic).getPartitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(topic, partition.getPartition());
                latest.put(tp, OffsetSpec.LATEST);
                earliest.put(tp, OffsetSpec.EARLIEST);
            });
            return Future.all(admin.listOffsets(latest), admin.listOffsets(earliest),
                    admin.listConsumerGroupOffsets(group)).map(all -> {
                        Map<TopicPartition, ListOffsetsResultInfo> ends = all.resultAt(0);
                        Map<TopicPartition, ListOffsetsResultInfo> starts = all.resultAt(1);
                        Map<TopicPartition, OffsetAndMetadata> committed = all.resultAt(2);
                        long lag = 0;
                        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                            long from = starts.get(end.getKey()).getOffset();
                            OffsetAndMetadata at = committed.get(end.getKey());
                            long position = at == null ? from : Math.max(from, at.getOffset());
                            lag += Math.max(0, end.getValue().getOffset() - position);
                        }
                        return lag;
                    });
        });
    }

    /** Stops consuming and closes the clients; an in-flight batch is not committed, so it is read again. */
    @Override
    public void close() {
        List<GroupConsumer> running;
        synchronized (consumers) {
            closed = true;
            running = List.copyOf(consumers);
            consumers.clear();
        }
        running.forEach(GroupConsumer::stop);
        producer.close().onFailure(failure -> LOG.log(Level.FINE, "closing the producer: " + failure));
        admin.close().onFailure(failure -> LOG.log(Level.FINE, "closing the admin client: " + failure));
    }

    private static Map<String, String> clientConfig(KafkaLogSettings settings) {
        Map<String, String> config = new HashMap<>(settings.properties());
        config.put("bootstrap.servers", settings.bootstrapServers());
        return config;
    }
}
