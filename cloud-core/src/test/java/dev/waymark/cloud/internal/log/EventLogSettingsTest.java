package dev.waymark.cloud.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.cloud.CloudSettings;
import dev.waymark.cloud.internal.gateway.GatewaySettings;
import dev.waymark.cloud.internal.log.kafka.KafkaLogSettings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogSettingsTest {

    @TempDir
    Path dir;

    private static JsonObject kafka(JsonObject kafka) {
        return new JsonObject().put("kind", "kafka").put("kafka", kafka);
    }

    @Test
    void from_emptySection_isTheLogInTheStore() {
        EventLogSettings underTest = EventLogSettings.from(new JsonObject());

        assertThat(underTest.kafka()).isEmpty();
    }

    @Test
    void from_kafkaWithOnlyBrokers_takesTheDefaults() {
        EventLogSettings underTest = EventLogSettings.from(kafka(new JsonObject().put("bootstrapServers", "k1:9092")));

        assertThat(underTest.kafka()).contains(new KafkaLogSettings("k1:9092", "wm.events", "wm.profile-events", 12,
                3, Map.of()));
    }

    @Test
    void from_everyKafkaKey_isRead() {
        JsonObject section = kafka(new JsonObject().put("bootstrapServers", "k1:9092,k2:9093").put("topic", "shop.ev")
                .put("profileTopic", "shop.by-profile").put("partitions", 48).put("replicationFactor", 2)
                .put("properties", new JsonObject().put("security.protocol", "SSL")));

        assertThat(EventLogSettings.from(section).kafka()).contains(new KafkaLogSettings("k1:9092,k2:9093", "shop.ev",
                "shop.by-profile", 48, 2, Map.of("security.protocol", "SSL")));
    }

    @Test
    void from_badValues_areRefusedNamingTheKey() {
        assertRefused(new JsonObject().put("kind", "redis"), "eventLog.kind: must be \"store\" or \"kafka\"");
        assertRefused(new JsonObject().put("knd", "kafka"), "eventLog.knd: unknown key");
        assertRefused(kafka(new JsonObject()), "eventLog.kafka.bootstrapServers: is required");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1")),
                "eventLog.kafka.bootstrapServers: must be");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092").put("partition", 3)),
                "eventLog.kafka.partition: unknown key");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092").put("partitions", 0)),
                "eventLog.kafka.partitions: must be >= 1");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092").put("partitions", "4")),
                "eventLog.kafka.partitions: must be an integer");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092").put("topic", "wm events")),
                "eventLog.kafka.topic: must be");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092").put("profileTopic", "by profile")),
                "eventLog.kafka.profileTopic: must be 1..249 characters");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092").put("profileTopic", 7)),
                "eventLog.kafka.profileTopic: must be");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092").put("profileTopic", "wm.events")),
                "eventLog.kafka.profileTopic: must differ from eventLog.kafka.topic (wm.events)");
        assertRefused(kafka(new JsonObject().put("bootstrapServers", "k1:9092")
                .put("properties", new JsonObject().put("enable.auto.commit", "true"))),
                "eventLog.kafka.properties: enable.auto.commit is set by the event log itself");
        assertRefused(new JsonObject().put("kafka", new JsonObject().put("bootstrapServers", "k1:9092")),
                "eventLog.kafka: only with eventLog.kind \"kafka\"");
    }

    @Test
    void load_badEventLogKey_namesTheFileAndTheKey() throws Exception {
        Path file = dir.resolve("cloud.json");
        Files.writeString(file, "{\"eventLog\": {\"kind\": \"kafka\", \"kafka\": {\"bootstrapServer\": \"k:1\"}}}");

        assertThatThrownBy(() -> CloudSettings.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": eventLog.kafka.bootstrapServer: unknown key");
    }

    @Test
    void scalingDocsExample_isAValidConfigurationOfTheKafkaLog() throws Exception {
        String page = Files.readString(Path.of("../docs/scaling.md"));
        String section = page.substring(page.indexOf("## Running scaled out"));
        int start = section.indexOf("```json") + "```json".length();
        String json = section.substring(start, section.indexOf("```", start));
        Path file = dir.resolve("cloud.json");
        Files.writeString(file, json);

        CloudSettings settings = CloudSettings.load(file);

        assertThat(settings.storeUrl()).startsWith("jdbc:postgresql:");
        assertThat(EventLogSettings.from(settings.section(EventLogSettings.SECTION)).kafka()).hasValueSatisfying(
                kafka -> assertThat(kafka.partitions()).isEqualTo(24));
        assertThat(GatewaySettings.from(settings.section(GatewaySettings.SECTION)).embedded()).isFalse();
    }

    private static void assertRefused(JsonObject section, String message) {
        assertThatThrownBy(() -> EventLogSettings.from(section)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
