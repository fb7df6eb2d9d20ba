package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.decision.ProfileFacts;
import dev.waymark.cloud.testing.MovableClock;
import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyContextCodec;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.CartRemove;
import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.HubDevice;
import dev.waymark.protocol.event.HubReport;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.OutcomeAccept;
import dev.waymark.protocol.event.OutcomeImpression;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebTrack;
import io.vertx.core.json.JsonObject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiosk events through the event log and the whole stream (identity, consent, journeys and timers, decisions, the
 * outbox, KPIs, the device overview) on SQLite; {@code EventPipelinePostgresIT} runs the same on PostgreSQL.
 */
class EventPipelineTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final EventCodec CODEC = EventCodec.create();

    @TempDir
    Path dir;
    final MovableClock clock = new MovableClock(T0);
    final UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
    final AtomicLong sequence = new AtomicLong();
    CloudParts parts;
    EventPipeline underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        parts = new CloudParts(storeUrl(), clock);
        underTest = parts.pipeline;
        underTest.start(50);
    }

    @AfterEach
    void close() throws Exception {
        parts.close();
    }

    CloudEvent kiosk(String device, Payload data) {
        return CloudEvent.of(ids.next(), Source.device("store-1", device), clock.instant(),
                sequence.incrementAndGet(), data);
    }

    private CloudEvent web(String id, Payload data) {
        return CloudEvent.of(id, Source.web("wk_shop"), clock.instant(), 0, data);
    }

    void append(CloudEvent... events) throws Exception {
        List<EventLog.Entry> entries = new ArrayList<>();
        for (CloudEvent event : events) {
            entries.add(new EventLog.Entry(event.source(), CODEC.encode(event)));
        }
        parts.log.append(entries).await(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> parts.log.lag(EventPipeline.GROUP)
                .await(10, TimeUnit.SECONDS) == 0);
    }

    List<String> column(String sql, String... args) throws Exception {
        return parts.store.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    select.setString(i + 1, args[i]);
                }
                List<String> values = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
                return values;
            }
        }).await(10, TimeUnit.SECONDS);
    }

    long count(String sql, String... args) throws Exception {
        return Long.parseLong(column(sql, args).get(0));
    }

    @Test
    void process_serviceRequestAfterLoyaltyScan_resolvesDecidesAndDeliversToTheKiosk() throws Exception {
        CloudEvent request = kiosk("kiosk-1", new ServiceRequest("s1", "fitting", Optional.empty()));
        append(kiosk("kiosk-1", new SessionStart("s1", "en")), kiosk("kiosk-1", new LoyaltyScan("s1", "tok:loyal-1")),
                request);
        append(request);

        String profile = column("SELECT profile_id FROM identities WHERE namespace = 'loyalty' AND value = ?",
                "tok:loyal-1").get(0);
        assertThat(column("SELECT namespace FROM identities WHERE profile_id = ? ORDER BY namespace", profile))
                .containsExactly("kiosk_session", "loyalty");
        assertThat(count("SELECT COUNT(*) FROM seen_events")).isEqualTo(3);
        assertThat(column("SELECT store_id FROM stores")).containsExactly("store-1");
        assertThat(count("SELECT COUNT(*) FROM journeys WHERE profile_id = ?", profile)).isEqualTo(1);
        assertThat(column("SELECT status FROM decisions WHERE profile_id = ?", profile)).containsExactly("sent");
        assertThat(count("SELECT COUNT(*) FROM kpi_decisions WHERE profile_id = ?", profile)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> parts.devices.actions.size() == 1);
        assertThat(parts.devices.actions).singleElement().asString().startsWith("store-1/kiosk-1/fitting-help/");
        await().atMost(Duration.ofSeconds(20)).until(() -> column("SELECT state FROM outbox").equals(
                List.of("delivered")));
    }

    @Test
    void process_secondSessionScanningTheSameCard_mergesTheAnonymousProfileIntoTheKnownOne() throws Exception {
        append(kiosk("kiosk-1", new LoyaltyScan("s1", "tok:loyal-2")));
        append(kiosk("kiosk-2", new CartAdd("s2", "sku-1", "shoes", 1, 8900, "EUR")));
        String anonymous = column("SELECT profile_id FROM identities WHERE namespace = 'kiosk_session' "
                + "AND value = 'store-1/kiosk-2/s2'").get(0);

        append(kiosk("kiosk-2", new LoyaltyScan("s2", "tok:loyal-2")));

        String known = column("SELECT profile_id FROM identities WHERE value = 'tok:loyal-2'").get(0);
        assertThat(known).isNotEqualTo(anonymous);
        assertThat(column("SELECT into_profile FROM profile_merges WHERE from_profile = ?", anonymous))
                .containsExactly(known);
        assertThat(count("SELECT COUNT(*) FROM identities WHERE profile_id = ?", known)).isEqualTo(3);
        assertThat(column("SELECT merged_into FROM profiles WHERE profile_id = ?", anonymous)).containsExactly(known);
        assertThat(count("SELECT COUNT(*) FROM journeys WHERE profile_id = ?", anonymous)).isZero();
    }

    @Test
    void process_webBrowsingThenKioskLoyaltyScan_keepsBothChannelsInOneJourney() throws Exception {
        var none = Json.createObjectBuilder().build();
        append(web("w-1", new WebIdentify(Optional.of("anon-9"), Optional.empty(),
                        Json.createObjectBuilder().add("loyaltyId", "tok:loyal-9").build(), none)),
                web("w-2", new WebTrack(Optional.of("anon-9"), Optional.empty(), "Product Viewed",
                        Json.createObjectBuilder().add("sku", "SKU-1").add("category", "running-shoes").build(),
                        none)));
        clock.advance(Duration.ofMinutes(5));

        append(kiosk("kiosk-1", new SessionStart("s9", "en")), kiosk("kiosk-1", new LoyaltyScan("s9", "tok:loyal-9")));

        String known = column("SELECT profile_id FROM identities WHERE value = 'tok:loyal-9'").get(0);
        JourneyContext journey = JourneyContextCodec.read(
                column("SELECT context FROM journeys WHERE profile_id = ?", known).get(0));
        assertThat(ProfileFacts.channels(journey)).containsExactly("kiosk", "web");
        assertThat(journey.facts()).containsEntry("viewsByCategory", Map.of("running-shoes", 1L));
    }

    @Test
    void fireDue_cartLeftBehind_firesTheDurableTimerAndDecidesTheAbandonment() throws Exception {
        append(kiosk("kiosk-1", new LoyaltyScan("s3", "tok:loyal-3")),
                kiosk("kiosk-1", new CartAdd("s3", "sku-9", "shoes", 1, 8900, "EUR")));
        assertThat(count("SELECT COUNT(*) FROM journey_timers")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        int fired = underTest.timers().fireDue().await(10, TimeUnit.SECONDS);

        assertThat(fired).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM journey_timers")).isZero();
        assertThat(column("SELECT intent FROM decisions")).containsExactly("cart_abandonment");
    }

    @Test
    void process_edgeImpressionAfterAKioskSession_countsForThatSessionsProfileAndClaimsItsTrigger()
            throws Exception {
        CloudEvent start = kiosk("kiosk-1", new SessionStart("s5", "en"));
        CloudEvent request = kiosk("kiosk-1", new ServiceRequest("s5", "fitting", Optional.empty()));
        clock.advance(Duration.ofSeconds(1));
        CloudEvent impression = kiosk("kiosk-1", new OutcomeImpression("fitting-help", "edge-" + ids.next().value(),
                "home"));
        clock.advance(Duration.ofMinutes(5));

        append(start, request, impression);

        String profile = column("SELECT profile_id FROM identities WHERE value = ?", "store-1/kiosk-1/s5").get(0);
        assertThat(column("SELECT profile_id FROM contacts WHERE decision_id LIKE 'edge-%'")).containsExactly(profile);
        assertThat(count("SELECT COUNT(*) FROM kpi_outcomes WHERE profile_id = ? AND kind = 'impression'", profile))
                .isEqualTo(1);
        assertThat(column("SELECT status FROM decisions WHERE profile_id = ?", profile))
                .as("the trigger waited offline longer than the cloud acts on one").containsExactly("skipped");
        assertThat(parts.devices.actions).isEmpty();
    }

    @Test
    void process_acceptOfACloudDecision_isJoinedToTheDecisionsProfile() throws Exception {
        append(kiosk("kiosk-1", new LoyaltyScan("s6", "tok:loyal-6")),
                kiosk("kiosk-1", new ServiceRequest("s6", "fitting", Optional.empty())));
        String decision = column("SELECT decision_id FROM decisions").get(0);

        append(kiosk("kiosk-1", new OutcomeAccept("fitting-help", decision, "kiosk-offer")));

        String profile = column("SELECT profile_id FROM identities WHERE value = ?", "tok:loyal-6").get(0);
        assertThat(column("SELECT kind FROM outcomes WHERE profile_id = ?", profile)).containsExactly("accept");
    }

    @Test
    void process_heartbeatAndHubReport_updateTheDeviceOverview() throws Exception {
        append(kiosk("kiosk-1", new Heartbeat("1.2.3", 4, clock.instant())),
                CloudEvent.of(ids.next(), Source.device("store-1", "hub-1"), clock.instant(), 1,
                        new HubReport(true, 7, List.of(new HubDevice("kiosk-1", true, clock.instant(),
                                Optional.of(-40L))))));

        assertThat(column("SELECT software_version FROM overview_devices WHERE device_id = 'kiosk-1'"))
                .containsExactly("1.2.3");
        assertThat(column("SELECT online || ' ' || skew_millis FROM overview_devices WHERE device_id = 'kiosk-1'"))
                .containsExactly("1 -40");
        assertThat(column("SELECT link_up || ' ' || buffer_depth FROM overview_hubs WHERE hub_id = 'hub-1'"))
                .containsExactly("1 7");
    }

    @Test
    void process_sameEventAgain_isDroppedAsDuplicateAndAppliedOnce() throws Exception {
        CloudEvent add = kiosk("kiosk-1", new CartAdd("s-1", "SKU-1", "shoes", 1, 2_000, "EUR"));

        process(add, add);
        process(add);

        assertThat(count("SELECT COUNT(*) FROM seen_events")).isEqualTo(1);
        assertThat(parts.meters.counter("wm.pipeline.duplicates").count()).isEqualTo(2);
        assertThat(journeyOf("store-1/kiosk-1/s-1")).contains("[\"SKU-1\",\"shoes\",1,2000]");
    }

    @Test
    void process_aDevicesEventsOutOfOrderInOneBatch_appliesThemInSequenceOrder() throws Exception {
        CloudEvent first = kiosk("kiosk-1", new CartAdd("s-2", "SKU-A", "shoes", 1, 2_000, "EUR"));
        CloudEvent second = kiosk("kiosk-1", new CartAdd("s-2", "SKU-B", "shoes", 1, 3_000, "EUR"));
        CloudEvent third = kiosk("kiosk-1", new CartRemove("s-2", "SKU-A", "shoes", 1, 2_000, "EUR"));

        process(third, first, second);

        assertThat(journeyOf("store-1/kiosk-1/s-2")).contains("SKU-B").doesNotContain("SKU-A");
    }

    @Test
    void process_unreadableEntry_isSkippedAndCountedAndTheRestOfTheBatchApplied() throws Exception {
        CloudEvent add = kiosk("kiosk-1", new CartAdd("s-4", "SKU-1", "shoes", 1, 2_000, "EUR"));
        EventLog.Entry garbage = new EventLog.Entry(add.source(), "{\"not\":\"an event\"".getBytes(
                StandardCharsets.UTF_8));

        underTest.process(List.of(garbage, new EventLog.Entry(add.source(), CODEC.encode(add))))
                .await(10, TimeUnit.SECONDS);

        assertThat(parts.meters.counter("wm.pipeline.unreadable").count()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM seen_events")).isEqualTo(1);
    }

    @Test
    void process_firstEventOfAStore_recordsTheStoreAndSendsItTheCurrentBundle() throws Exception {
        underTest.onNewStore(parts.decisions::publishCurrentBundle);

        process(kiosk("kiosk-1", new SessionStart("s-5", "en")));

        assertThat(column("SELECT store_id FROM stores")).containsExactly("store-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> parts.devices.bundles.containsKey("store-1"));
    }

    @Test
    void process_redeliveredEvents_areCountedOncePerProfileAndType() throws Exception {
        CloudEvent start = kiosk("kiosk-1", new SessionStart("s-6", "en"));
        CloudEvent add = kiosk("kiosk-1", new CartAdd("s-6", "SKU-1", "shoes", 1, 2_000, "EUR"));
        CloudEvent again = kiosk("kiosk-1", new CartAdd("s-6", "SKU-2", "shoes", 1, 2_000, "EUR"));

        process(start, add, add);
        process(add, again, start);

        assertThat(eventsOf("store-1/kiosk-1/s-6")).isEqualTo(new JsonObject().put("total", 3L).put("byType",
                new JsonObject().put("wm.kiosk.cart_add", 2L).put("wm.kiosk.session_start", 1L)));
    }

    @Test
    void process_mergedProfile_addsItsEventCountsToTheSurvivor() throws Exception {
        process(kiosk("kiosk-1", new LoyaltyScan("s-7", "tok:loyal-7")),
                kiosk("kiosk-2", new CartAdd("s-8", "sku-1", "shoes", 1, 8900, "EUR")));

        process(kiosk("kiosk-2", new LoyaltyScan("s-8", "tok:loyal-7")));

        assertThat(eventsOf("store-1/kiosk-2/s-8")).isEqualTo(new JsonObject().put("total", 3L).put("byType",
                new JsonObject().put("wm.kiosk.cart_add", 1L).put("wm.kiosk.loyalty_scan", 2L)));
        assertThat(count("SELECT COUNT(DISTINCT profile_id) FROM profile_event_counts")).isEqualTo(1);
    }

    private void process(CloudEvent... events) throws Exception {
        underTest.process(Arrays.stream(events).map(e -> new EventLog.Entry(e.source(), CODEC.encode(e))).toList())
                .await(10, TimeUnit.SECONDS);
    }

    private JsonObject eventsOf(String kioskSession) throws Exception {
        String profile = column("SELECT profile_id FROM identities WHERE namespace = 'kiosk_session' AND value = ?",
                kioskSession).get(0);
        return parts.store.read(c -> ProfileEventCounts.section(c, profile)).await(10, TimeUnit.SECONDS);
    }

    private String journeyOf(String kioskSession) throws Exception {
        String profile = column("SELECT profile_id FROM identities WHERE namespace = 'kiosk_session' AND value = ?",
                kioskSession).get(0);
        return column("SELECT context FROM journeys WHERE profile_id = ?", profile).get(0);
    }
}
