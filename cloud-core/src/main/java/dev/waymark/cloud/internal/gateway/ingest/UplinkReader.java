package dev.waymark.cloud.internal.gateway.ingest;

import dev.waymark.cloud.EventLog;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Limits;
import dev.waymark.protocol.Rejection;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topic;
import dev.waymark.protocol.TopicKind;
import dev.waymark.protocol.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one message of hub traffic into event-log entries: the topic must be a device's {@code events} topic, the
 * payload one event or a CloudEvents JSON batch within {@link Limits}, and every event's {@code source} must name the
 * topic's store and device. One entry per event, keyed by its source; its value is the event's own bytes (the
 * message itself for a single event, the event re-encoded for a batch). Never throws on input. Thread-safe.
 */
final class UplinkReader {

    /** Why a message was refused: the metric tag and the rejection naming the field. */
    record Refusal(String reason, Rejection rejection) {
    }

    /** The outcome: the events read and their entries to append (in the same order), or a refusal. */
    record Verdict(List<CloudEvent> events, List<EventLog.Entry> entries, Optional<Refusal> refusal) {

        static Verdict refused(String reason, Rejection rejection) {
            return new Verdict(List.of(), List.of(), Optional.of(new Refusal(reason, rejection)));
        }
    }

    /** Metric tag values of {@code wm.gateway.rejected}. */
    static final String TOPIC = "topic";
    static final String OVERSIZE = "oversize";
    static final String INVALID = "invalid";
    static final String SOURCE = "source";

    private final EventCodec codec = EventCodec.create();

    /** Reads {@code payload}, which arrived on {@code topicName}. */
    Verdict read(String topicName, byte[] payload) {
        Decoded<Topic> topic = Topics.parse(topicName);
        if (topic instanceof Decoded.Rejected<Topic> bad) {
            return Verdict.refused(TOPIC, bad.rejection());
        }
        Topic parsed = topic.orElseThrow();
        if (parsed.kind() != TopicKind.EVENTS) {
            return Verdict.refused(TOPIC, Rejection.of("topic", "is not an events topic"));
        }
        boolean batch = isBatch(payload);
        int limit = batch ? Limits.MAX_BATCH_BYTES : Limits.MAX_EVENT_BYTES;
        if (payload.length > limit) {
            return Verdict.refused(OVERSIZE, Rejection.of("$", payload.length + " bytes exceed the limit of "
                    + limit));
        }
        Decoded<List<CloudEvent>> events = batch ? codec.decodeBatch(payload) : codec.decode(payload).map(List::of);
        if (events instanceof Decoded.Rejected<List<CloudEvent>> bad) {
            return Verdict.refused(INVALID, bad.rejection());
        }
        String expected = Source.device(parsed.storeId(), parsed.deviceId().orElseThrow()).format();
        List<CloudEvent> list = events.orElseThrow();
        List<EventLog.Entry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            CloudEvent event = list.get(i);
            if (!event.source().equals(expected)) {
                Rejection foreign = Rejection.of("source", "must name the topic's store and device");
                return Verdict.refused(SOURCE, batch ? foreign.under("[" + i + "]") : foreign);
            }
            entries.add(new EventLog.Entry(event.source(), batch ? codec.encode(event) : payload));
        }
        return new Verdict(list, entries, Optional.empty());
    }

    private static boolean isBatch(byte[] payload) {
        for (byte b : payload) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }
}
