package dev.waymark.cloud.internal.log;

import dev.waymark.cloud.internal.log.kafka.KafkaLogSettings;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@link dev.waymark.cloud.EventLog} the cloud runs on, from the {@value #SECTION} section of the cloud's
 * configuration: {@code "kind": "store"} (the default: the log lives in the store) or {@code "kind": "kafka"} with
 * a {@code kafka} section (see {@link KafkaLogSettings}).
 *
 * @param kafka the Kafka log's settings when {@code eventLog.kind} is {@code kafka}, else empty
 */
public record EventLogSettings(Optional<KafkaLogSettings> kafka) {

    /** Prefix of every key in error messages. */
    public static final String SECTION = "eventLog";
    private static final Set<String> KNOWN = Set.of("kind", "kafka");

    public EventLogSettings {
        Objects.requireNonNull(kafka, SECTION + ".kafka");
    }

    /** The embedded default: the log in the store. */
    public static EventLogSettings inStore() {
        return new EventLogSettings(Optional.empty());
    }

    /** Reads the section; throws IllegalArgumentException naming the key, e.g. {@code eventLog.kind: ...}. */
    public static EventLogSettings from(JsonObject section) {
        for (String name : section.fieldNames()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(SECTION + "." + name + ": unknown key (known: kafka, kind)");
            }
        }
        Object kind = section.getValue("kind", "store");
        Object kafka = section.getValue("kafka", new JsonObject());
        if (!(kafka instanceof JsonObject kafkaSection)) {
            throw new IllegalArgumentException(SECTION + ".kafka: must be an object");
        }
        if ("store".equals(kind)) {
            if (!kafkaSection.isEmpty()) {
                throw new IllegalArgumentException(SECTION + ".kafka: only with " + SECTION + ".kind \"kafka\"");
            }
            return inStore();
        }
        if ("kafka".equals(kind)) {
            return new EventLogSettings(Optional.of(KafkaLogSettings.from(kafkaSection)));
        }
        throw new IllegalArgumentException(SECTION + ".kind: must be \"store\" or \"kafka\", got " + kind);
    }
}
