package dev.waymark.cloud.internal.log.kafka;

import dev.waymark.cloud.internal.SectionValues;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Kafka event log's settings, the {@code eventLog.kafka} section.
 *
 * @param bootstrapServers  the brokers to start from, {@code host:port,...} ({@code bootstrapServers}, required)
 * @param topic             the ingest topic ({@code topic}, default {@code wm.events}): events keyed by what ingest
 *                          knows (a device's source, a web identity); created when missing
 * @param profileTopic      the routed topic ({@code profileTopic}, default {@code wm.profile-events}): the same events
 *                          keyed by profile id after identity resolution, which the pipeline consumes; created when
 *                          missing with the same partitions and replication factor; must differ from {@code topic}
 * @param partitions        partitions of a created topic ({@code partitions}, default 12): the most replicas that
 *                          consume at once
 * @param replicationFactor copies of each partition of a created topic ({@code replicationFactor}, default 3)
 * @param properties        further Kafka client properties for producer, consumer and admin, e.g. TLS or SASL
 *                          ({@code properties}, strings); the ones the log's guarantees rest on are refused
 */
public record KafkaLogSettings(String bootstrapServers, String topic, String profileTopic, int partitions,
        int replicationFactor, Map<String, String> properties) {

    /** The default of {@code profileTopic}. */
    public static final String PROFILE_TOPIC = "wm.profile-events";

    private static final String SECTION = "eventLog.kafka";
    private static final Set<String> KNOWN = Set.of("bootstrapServers", "topic", "profileTopic", "partitions",
            "replicationFactor", "properties");
    /** Client properties the log sets itself: acks=all and idempotence for appends, manual commits per group. */
    private static final Set<String> OWNED = Set.of("bootstrap.servers", "acks", "enable.idempotence",
            "enable.auto.commit", "group.id", "key.serializer", "value.serializer", "key.deserializer",
            "value.deserializer", "max.poll.records", "auto.offset.reset", "isolation.level");

    public KafkaLogSettings {
        Objects.requireNonNull(bootstrapServers, key("bootstrapServers"));
        Objects.requireNonNull(topic, key("topic"));
        Objects.requireNonNull(profileTopic, key("profileTopic"));
        require(bootstrapServers.matches("[^,\\s]+:\\d{1,5}(,[^,\\s]+:\\d{1,5})*"), "bootstrapServers",
                "must be host:port[,host:port...]");
        require(topic.matches("[a-zA-Z0-9._-]{1,249}"), "topic",
                "must be 1..249 characters of letters, digits, '.', '_' and '-'");
        require(profileTopic.matches("[a-zA-Z0-9._-]{1,249}"), "profileTopic",
                "must be 1..249 characters of letters, digits, '.', '_' and '-'");
        require(!profileTopic.equals(topic), "profileTopic", "must differ from " + key("topic") + " (" + topic + ")");
        require(partitions >= 1, "partitions", "must be >= 1");
        require(replicationFactor >= 1 && replicationFactor <= Short.MAX_VALUE, "replicationFactor",
                "must be >= 1");
        properties = Map.copyOf(properties);
        for (String name : properties.keySet()) {
            require(!OWNED.contains(name), "properties", name + " is set by the event log itself");
        }
    }

    /** Settings with the default {@code profileTopic}, {@value #PROFILE_TOPIC}. */
    public KafkaLogSettings(String bootstrapServers, String topic, int partitions, int replicationFactor,
            Map<String, String> properties) {
        this(bootstrapServers, topic, PROFILE_TOPIC, partitions, replicationFactor, properties);
    }

    /** Reads the section; missing keys take the defaults; IllegalArgumentException names the key. */
    public static KafkaLogSettings from(JsonObject section) {
        SectionValues values = new SectionValues(section, SECTION);
        for (String name : section.fieldNames()) {
            values.require(KNOWN.contains(name), name, "unknown key (known: " + String.join(", ",
                    KNOWN.stream().sorted().toList()) + ")");
        }
        values.require(section.containsKey("bootstrapServers"), "bootstrapServers",
                "is required when eventLog.kind is \"kafka\"");
        return new KafkaLogSettings(values.text("bootstrapServers", ""), values.text("topic", "wm.events"),
                values.text("profileTopic", PROFILE_TOPIC), values.integer("partitions", 12),
                values.integer("replicationFactor", 3), properties(section));
    }

    private static Map<String, String> properties(JsonObject section) {
        Object value = section.getValue("properties", new JsonObject());
        require(value instanceof JsonObject, "properties", "must be an object of strings");
        Map<String, String> properties = new LinkedHashMap<>();
        ((JsonObject) value).forEach(entry -> {
            require(entry.getValue() instanceof String, "properties", entry.getKey() + " must be a string");
            properties.put(entry.getKey(), (String) entry.getValue());
        });
        return properties;
    }

    private static void require(boolean condition, String name, String message) {
        if (!condition) {
            throw new IllegalArgumentException(key(name) + ": " + message);
        }
    }

    private static String key(String name) {
        return SECTION + "." + name;
    }
}
