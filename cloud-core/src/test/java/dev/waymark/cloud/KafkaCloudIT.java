package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.internal.log.kafka.KafkaEventLog;
import dev.waymark.cloud.internal.log.kafka.KafkaLogSettings;
import dev.waymark.cloud.testing.KafkaBroker;
import dev.waymark.cloud.testing.RunningCloud;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud core with its event log on Kafka (an in-JVM broker) and its store on SQLite; {@code
 * KafkaCloudPostgresIT} runs the same on PostgreSQL. Web events posted through the collector, retries included,
 * reach their profiles exactly once, through the ingest topic and the profile router's topic, also across a restart
 * of the cloud.
 */
class KafkaCloudIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    private static final String TOPIC = "wm.events.cloud";
    private static final String PROFILE_TOPIC = "wm.profile-events.cloud";
    private static final int PEOPLE = 4;
    private static final int VIEWS = 6;

    @TempDir
    Path dir;

    /** The store section: SQLite in the data dir (the default); the PostgreSQL variant names its schema. */
    JsonObject store() {
        return new JsonObject();
    }

    private JsonObject backends() {
        return new JsonObject().put("store", store()).put("eventLog", new JsonObject().put("kind", "kafka")
                .put("kafka", new JsonObject().put("bootstrapServers", KAFKA.bootstrapServers()).put("topic", TOPIC)
                        .put("profileTopic", PROFILE_TOPIC).put("partitions", 4).put("replicationFactor", 1)));
    }

    @Test
    void collectorCalls_sentTwiceAndAcrossARestart_reachEachProfileExactlyOnce() throws Exception {
        try (RunningCloud running = RunningCloud.start(dir.resolve("cloud"), backends())) {
            ApiClient api = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD);
            JsonObject firstHalf = views(0, VIEWS / 2);
            assertThat(api.send("POST", "/v1/batch", firstHalf.encode(), Credential.WRITE_KEY).status())
                    .isEqualTo(200);
            // An SDK retry: the same calls again, appended to the log again, dropped by the pipeline.
            assertThat(api.send("POST", "/v1/batch", firstHalf.encode(), Credential.WRITE_KEY).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> totals(api).values().stream()
                    .allMatch(total -> total == VIEWS / 2));

            running.stop();
            running.restart();
            // The same client after the restart: its write key names the events' source, part of the dedup key.
            JsonObject secondHalf = views(VIEWS / 2, VIEWS);
            assertThat(api.send("POST", "/v1/batch", secondHalf.encode(), Credential.WRITE_KEY).status())
                    .isEqualTo(200);
            assertThat(api.send("POST", "/v1/batch", firstHalf.encode(), Credential.WRITE_KEY).status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(60)).until(() -> logLag(api) == 0
                    && totals(api).values().stream().allMatch(total -> total == VIEWS));
            assertThat(totals(api)).hasSize(PEOPLE).allSatisfy((person, total) -> assertThat(total)
                    .as("events of %s", person).isEqualTo(VIEWS));
            assertThat(recordsOn(false)).as("every call went through the ingest topic, retries too")
                    .isEqualTo(PEOPLE * (VIEWS / 2) * 4L);
            // A batch the router appended but had not committed when the cloud stopped is routed again: at least.
            assertThat(recordsOn(true)).as("every call was routed to the profile topic")
                    .isGreaterThanOrEqualTo(PEOPLE * (VIEWS / 2) * 4L);
        }
    }

    private static JsonObject views(int from, int to) {
        JsonArray batch = new JsonArray();
        for (int view = from; view < to; view++) {
            for (int person = 0; person < PEOPLE; person++) {
                batch.add(new JsonObject().put("type", "track").put("anonymousId", "anon-" + person)
                        .put("messageId", "msg-" + person + "-" + view).put("event", "Product Viewed")
                        .put("properties", new JsonObject().put("sku", "SKU-" + view).put("category", "shoes")));
            }
        }
        return new JsonObject().put("batch", batch);
    }

    // Each person's events total, 0 while the profile does not exist yet.
    private static Map<String, Long> totals(ApiClient api) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        for (int person = 0; person < PEOPLE; person++) {
            ApiClient.Answer profile = api.send("GET", "/v1/profiles/cookie/anon-" + person, null,
                    Credential.SECRET_KEY);
            totals.put("anon-" + person, profile.status() != 200 ? 0
                    : profile.json().getJsonObject("events").getLong("total"));
        }
        return totals;
    }

    private static long logLag(ApiClient api) {
        JsonObject health = api.send("GET", "/health", null, Credential.SECRET_KEY).json();
        return health.getJsonObject("checks").getJsonObject("eventLog").getLong("lag");
    }

    // The records on the ingest topic, or on the profile topic.
    private static long recordsOn(boolean profileTopic) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            KafkaLogSettings settings = new KafkaLogSettings(KAFKA.bootstrapServers(), TOPIC, PROFILE_TOPIC, 4, 1,
                    Map.of());
            KafkaEventLog log = (profileTopic ? KafkaEventLog.openProfiles(vertx, settings)
                    : KafkaEventLog.open(vertx, settings)).await(30, TimeUnit.SECONDS);
            try {
                return log.lag("a-group-that-never-consumed").await(30, TimeUnit.SECONDS);
            } finally {
                log.close();
            }
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
