package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.decision.ProfileFacts;
import dev.waymark.cloud.internal.log.kafka.KafkaEventLog;
import dev.waymark.cloud.internal.log.kafka.KafkaLogSettings;
import dev.waymark.cloud.testing.BlockedLoopWatch;
import dev.waymark.cloud.testing.KafkaBroker;
import dev.waymark.cloud.testing.MovableClock;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebTrack;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two cloud replicas on one store and one Kafka (an in-JVM broker), each with a profile router and a pipeline, as
 * {@code CloudAssembly} runs them with {@code eventLog.kind: "kafka"}: ingest appends keyed by device or web
 * identity, the routers re-key by profile, the pipelines consume the profile topic as one group. On SQLite; {@code
 * ProfileRoutingPostgresIT} runs the same on PostgreSQL.
 */
class ProfileRoutingIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static final EventCodec CODEC = EventCodec.create();
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final JsonObject NONE = JsonObject.EMPTY_JSON_OBJECT;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    final MovableClock clock = new MovableClock(T0);
    final UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
    final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger messages = new AtomicInteger();
    private final List<Applied> applied = new CopyOnWriteArrayList<>();
    private final List<EventLog> logs = new ArrayList<>();
    private BlockedLoopWatch blockedLoops;
    private Vertx vertx;
    private EventLog gateway;
    private EventLog routerIngest;
    private CloudParts first;
    private CloudParts second;

    /** The database the replicas share: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    /** One event as a pipeline replica applied it: under which log key. */
    private record Applied(String replica, String key, String eventId) {
    }

    @BeforeEach
    void open() throws Exception {
        blockedLoops = new BlockedLoopWatch();
        vertx = Vertx.vertx();
        int n = TOPICS.incrementAndGet();
        KafkaLogSettings settings = new KafkaLogSettings(KAFKA.bootstrapServers(), "wm.events.r" + n,
                "wm.profile-events.r" + n, 4, 1, Map.of());
        gateway = kept(KafkaEventLog.open(vertx, settings));
        first = new CloudParts(vertx, storeUrl(), opened(KafkaEventLog.openProfiles(vertx, settings)), clock);
        second = first.replica(opened(KafkaEventLog.openProfiles(vertx, settings)), clock);
        routerIngest = kept(KafkaEventLog.open(vertx, settings));
        first.pipeline.router(routerIngest).start(10);
        second.pipeline.router(kept(KafkaEventLog.open(vertx, settings))).start(10);
        applyInto("first", first);
        applyInto("second", second);
    }

    // A log the test closes; the replicas close their pipelines' logs themselves.
    private EventLog kept(Future<KafkaEventLog> opening) throws Exception {
        EventLog log = opened(opening);
        logs.add(log);
        return log;
    }

    private static EventLog opened(Future<KafkaEventLog> opening) throws Exception {
        return opening.await(30, TimeUnit.SECONDS);
    }

    // The replica's pipeline consumes the profile topic as the group "pipeline"; each applied event is recorded.
    private void applyInto(String replica, CloudParts parts) {
        parts.log.consume(EventPipeline.GROUP, 10, batch -> parts.pipeline.process(batch).onSuccess(done -> batch
                .forEach(entry -> applied.add(new Applied(replica, entry.key(),
                        CODEC.decode(entry.value()).orElseThrow().id())))));
    }

    @AfterEach
    void close() throws Exception {
        logs.forEach(EventLog::close);
        second.close();
        first.close();
        blockedLoops.close();
        assertThat(blockedLoops.warnings()).as("Vert.x reported a blocked event loop").isEmpty();
    }

    @Test
    void route_kioskAndWebEventsLinkedMidStream_areKeyedByTheSurvivorAndAppliedInOrderByOneReplica()
            throws Exception {
        bothReplicasApplying();
        CloudEvent start = kiosk(new SessionStart("s1", "en"));
        CloudEvent view = kiosk(new ProductView("s1", "SKU-1", "shoes", 8900, "EUR"));
        CloudEvent scan = kiosk(new LoyaltyScan("s1", "tok:loyal-1"));
        CloudEvent browse = web(track("web-1", "SKU-2"));
        append(start, view, scan, browse);
        settled();
        String kioskProfile = profileOf("loyalty", "tok:loyal-1");
        String webProfile = profileOf("cookie", "web-1");
        assertThat(kioskProfile).isNotEqualTo(webProfile);

        CloudEvent link = web(new WebIdentify(Optional.of("web-1"), Optional.empty(),
                Json.createObjectBuilder().add("loyaltyId", "tok:loyal-1").build(), NONE));
        append(link);
        settled();
        String survivor = profileOf("cookie", "web-1");
        assertThat(channelsOf(survivor)).as("the merged journey, written in the router's transaction")
                .containsExactly("kiosk", "web");
        List<CloudEvent> after = List.of(kiosk(new ProductView("s1", "SKU-3", "shoes", 9900, "EUR")),
                web(track("web-1", "SKU-4")), kiosk(new CartAdd("s1", "SKU-3", "shoes", 1, 9900, "EUR")),
                web(track("web-1", "SKU-5")), kiosk(new ProductView("s1", "SKU-6", "shoes", 5900, "EUR")));
        for (CloudEvent event : after) {
            // One at a time, so the routed order across the kiosk's and the web's ingest partitions is this one.
            append(event);
            await().atMost(WAIT).until(() -> lag(routerIngest, ProfileRouter.GROUP) == 0);
        }
        settled();

        assertThat(profileOf("loyalty", "tok:loyal-1")).isEqualTo(survivor);
        assertThat(profileOf("kiosk_session", "store-1/kiosk-1/s1")).isEqualTo(survivor);
        assertThat(keysOf(start, view, scan)).containsOnly(kioskProfile);
        assertThat(keysOf(browse)).containsOnly(webProfile);
        assertThat(keysOf(after.toArray(CloudEvent[]::new))).as("kiosk and web events after the link")
                .containsOnly(survivor);
        Set<String> replicas = applied.stream().filter(a -> a.key().equals(survivor)).map(Applied::replica)
                .collect(Collectors.toSet());
        assertThat(replicas).hasSize(1);
        List<String> order = applied.stream().filter(a -> idsOf(after).contains(a.eventId()))
                .map(Applied::eventId).toList();
        assertThat(order).containsExactlyElementsOf(idsOf(after));
        assertThat(count("SELECT SUM(events) FROM profile_event_counts WHERE profile_id = ?", survivor))
                .as("every event of the person, once").isEqualTo(4 + 1 + after.size());
    }

    @Test
    void route_replayOfARoutedBatch_changesNothing() throws Exception {
        bothReplicasApplying();
        List<CloudEvent> batch = List.of(kiosk(new SessionStart("s2", "en")),
                kiosk(new LoyaltyScan("s2", "tok:loyal-2")), web(track("web-2", "SKU-1")),
                web(new WebIdentify(Optional.of("web-2"), Optional.empty(),
                        Json.createObjectBuilder().add("loyaltyId", "tok:loyal-2").build(), NONE)));
        append(batch.toArray(CloudEvent[]::new));
        settled();
        Map<String, Long> before = snapshot();
        double duplicatesBefore = duplicates();

        // As after a crash between the append to the profile topic and the commit on the ingest topic.
        first.pipeline.router(routerIngest).route(entries(batch)).await(30, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> duplicates() - duplicatesBefore == batch.size());
        settled();
        assertThat(snapshot()).isEqualTo(before);
        String survivor = profileOf("cookie", "web-2");
        assertThat(applied.stream().filter(a -> idsOf(batch).contains(a.eventId())).map(Applied::key).toList()
                .subList(batch.size(), 2 * batch.size())).as("the replayed copies, keyed by the merged profile")
                .containsOnly(survivor);
    }

    // Appends background shoppers' events until each replica has applied some: the group has formed.
    private void bothReplicasApplying() throws Exception {
        await().atMost(WAIT).until(() -> {
            List<CloudEvent> round = new ArrayList<>();
            for (int shopper = 0; shopper < 8; shopper++) {
                round.add(web(track("background-" + shopper, "SKU-0")));
            }
            append(round.toArray(CloudEvent[]::new));
            return applied.stream().map(Applied::replica).distinct().count() == 2;
        });
        settled();
    }

    private Map<String, Long> snapshot() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("profiles", "identities", "profile_merges", "refused_links", "seen_events",
                "journeys", "journey_timers", "decisions")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        counts.put("events", count("SELECT COALESCE(SUM(events), 0) FROM profile_event_counts"));
        return counts;
    }

    private double duplicates() {
        return first.meters.counter("wm.pipeline.duplicates").count()
                + second.meters.counter("wm.pipeline.duplicates").count();
    }

    private CloudEvent kiosk(Payload data) {
        return CloudEvent.of(ids.next(), Source.device("store-1", "kiosk-1"), clock.instant(),
                sequence.incrementAndGet(), data);
    }

    private CloudEvent web(Payload data) {
        return CloudEvent.of("msg-" + messages.incrementAndGet(), Source.web("wk_shop"), clock.instant(), 0, data);
    }

    private static WebTrack track(String anonymousId, String sku) {
        return new WebTrack(Optional.of(anonymousId), Optional.empty(), "Product Viewed",
                Json.createObjectBuilder().add("sku", sku).add("category", "shoes").build(), NONE);
    }

    private static List<EventLog.Entry> entries(List<CloudEvent> events) {
        return events.stream().map(event -> new EventLog.Entry(ingestKey(event), CODEC.encode(event))).toList();
    }

    // As ingest keys them: a device event by its source, a web event by write key and anonymous id.
    private static String ingestKey(CloudEvent event) {
        if (event.data() instanceof WebTrack track) {
            return "web:wk_shop:" + track.anonymousId().orElseThrow();
        }
        if (event.data() instanceof WebIdentify identify) {
            return "web:wk_shop:" + identify.anonymousId().orElseThrow();
        }
        return event.source();
    }

    private void append(CloudEvent... events) throws Exception {
        gateway.append(entries(List.of(events))).await(30, TimeUnit.SECONDS);
    }

    // The router's lag first: what it has passed is on the profile topic by then.
    private void settled() {
        await().atMost(WAIT).until(() -> lag(routerIngest, ProfileRouter.GROUP) == 0
                && lag(first.log, EventPipeline.GROUP) == 0);
    }

    private static long lag(EventLog log, String group) throws Exception {
        return log.lag(group).await(30, TimeUnit.SECONDS);
    }

    private List<String> keysOf(CloudEvent... events) {
        List<String> wanted = idsOf(List.of(events));
        return applied.stream().filter(a -> wanted.contains(a.eventId())).map(Applied::key).toList();
    }

    private static List<String> idsOf(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::id).toList();
    }

    private String profileOf(String namespace, String value) throws Exception {
        return first.store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT profile_id FROM identities WHERE namespace = ? AND value = ?")) {
                select.setString(1, namespace);
                select.setString(2, value);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).as("%s:%s is linked", namespace, value).isTrue();
                    return rs.getString(1);
                }
            }
        }).await(10, TimeUnit.SECONDS);
    }

    private List<String> channelsOf(String profileId) throws Exception {
        return first.store.read(c -> JourneyStore.read(c, profileId)).await(10, TimeUnit.SECONDS)
                .map(ProfileFacts::channels).orElse(List.of());
    }

    private long count(String sql, String... args) throws Exception {
        return first.store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    select.setString(i + 1, args[i]);
                }
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }).await(10, TimeUnit.SECONDS);
    }
}
