package dev.waymark.cloud.internal.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.decision.catalog.CatalogCheck;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.PropensityModel;
import dev.waymark.journey.CartLine;
import dev.waymark.journey.Intent;
import dev.waymark.journey.JourneyContext;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.OutcomeAccept;
import dev.waymark.protocol.event.OutcomeDismiss;
import dev.waymark.protocol.event.OutcomeImpression;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamDeciderTest {

    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), new SplittableRandom(7));

    @TempDir
    Path dir;
    DecisionFixture fixture;
    Decider underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new DecisionFixture(storeUrl(), Optional.empty());
        fixture.decisions.catalogs().start().await(10, TimeUnit.SECONDS);
        underTest = fixture.decisions.decider();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void onIntent_serviceRequestAtKiosk_recordsDecisionContactAndOutboxRowForTheDevice() throws Exception {
        List<JsonObject> live = decide(trigger("p-1", "kiosk-1", Instant.now()));

        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("sent");
        assertThat(fixture.text("SELECT chosen FROM decisions")).isEqualTo("[\"fitting-help\"]");
        assertThat(fixture.text("SELECT explanation FROM decisions")).contains("\"segment\":\"kiosk|awareness\"");
        assertThat(fixture.count("SELECT COUNT(*) FROM contacts WHERE profile_id = 'p-1'")).isEqualTo(1);
        assertThat(fixture.text("SELECT destination FROM outbox WHERE destination_kind = 'device'"))
                .isEqualTo("store-1/kiosk-1");
        assertThat(fixture.text("SELECT payload FROM outbox")).contains("\"title\":\"A colleague is on the way\"");
        assertThat(fixture.kpis.decisions).singleElement().satisfies(fact -> {
            assertThat(fact.storeId()).isEqualTo("store-1");
            assertThat(fact.chosen()).containsExactly("fitting-help");
        });
        assertThat(live).extracting(item -> item.getString("kind")).containsExactly("decision", "action");
    }

    @Test
    void onIntent_eventOlderThanTheActionsTimeToLive_recordsExpiredDecisionWithoutOutboxRowOrContact()
            throws Exception {
        decide(webCartAbandonment("p-2", Instant.now().minus(Duration.ofMinutes(31))));

        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("expired");
        assertThat(fixture.text("SELECT explanation FROM decisions")).contains("older than the action's time to live");
        assertThat(fixture.rows("outbox")).isZero();
        assertThat(fixture.rows("contacts")).isZero();
    }

    @Test
    void onIntent_kioskTriggerOlderThanTheMaxAge_isSkippedWithoutContactOutboxRowOrKpiFact() throws Exception {
        decide(trigger("p-10", "kiosk-1", Instant.now().minus(DecisionSettings.DEFAULTS.kioskTriggerMaxAge())
                .minusSeconds(1)));

        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("skipped");
        assertThat(fixture.text("SELECT explanation FROM decisions")).contains("more than PT1M ago")
                .contains("the kiosk's to decide locally");
        assertThat(fixture.rows("outbox")).isZero();
        assertThat(fixture.rows("contacts")).isZero();
        assertThat(fixture.kpis.decisions).isEmpty();
    }

    @Test
    void onIntent_webTriggerOlderThanTheKioskMaxAge_isStillDecided() throws Exception {
        decide(webCartAbandonment("p-11", Instant.now().minus(Duration.ofMinutes(5))));

        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("sent");
    }

    @Test
    void ownerOf_outcomeOfACloudDecision_isTheDecisionsProfile() throws Exception {
        decide(trigger("p-12", "kiosk-1", Instant.now()));
        String decisionId = fixture.text("SELECT decision_id FROM decisions");

        assertThat(ownerOf("kiosk-1", Instant.now(), new OutcomeAccept("fitting-help", decisionId, "kiosk-offer")))
                .contains("p-12");
        assertThat(ownerOf("kiosk-1", Instant.now(), new OutcomeAccept("fitting-help", "unknown", "kiosk-offer")))
                .isEmpty();
    }

    @Test
    void ownerOf_edgeImpression_isTheProfileOfTheKioskSessionOpenOnThatDeviceThen() throws Exception {
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        session("store-1/kiosk-1/ks-early", "p-early", t0);
        session("store-1/kiosk-10/ks-other-device", "p-other-device", t0.plusSeconds(60));
        session("store-2/kiosk-1/ks-other-store", "p-other-store", t0.plusSeconds(60));
        session("store-1/kiosk-1/ks-late", "p-late", t0.plusSeconds(600));
        OutcomeImpression edge = new OutcomeImpression("fitting-help", "edge-" + IDS.next().value(), "home");

        assertThat(ownerOf("kiosk-1", t0.plusSeconds(300), edge)).contains("p-early");
        assertThat(ownerOf("kiosk-1", t0.plusSeconds(600), edge)).contains("p-late");
        assertThat(ownerOf("kiosk-1", t0.minusSeconds(1), edge)).isEmpty();
        assertThat(ownerOf("kiosk-2", t0.plusSeconds(300), edge)).isEmpty();
    }

    @Test
    void onOutcome_edgeImpression_countsAsContactAndSkipsTheCloudsReDecisionOnThatKiosk() throws Exception {
        Instant shown = Instant.now();
        outcome("p-3", "kiosk-1", shown, new OutcomeImpression("fitting-help", "edge-" + IDS.next().value(),
                "home"));

        decide(trigger("p-3", "kiosk-1", shown.minusSeconds(2)));

        assertThat(fixture.count("SELECT COUNT(*) FROM contacts WHERE profile_id = 'p-3'")).isEqualTo(1);
        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("skipped");
        assertThat(fixture.rows("outbox")).isZero();
        assertThat(fixture.kpis.decisions).singleElement()
                .satisfies(fact -> assertThat(fact.decisionId()).startsWith("edge-"));
        assertThat(fixture.kpis.outcomes).singleElement()
                .satisfies(fact -> assertThat(fact.kind()).isEqualTo("impression"));
    }

    @Test
    void onIntent_edgeImpressionOnAnotherKiosk_decidesButTheEdgeContactCountsTowardTheCooldown() throws Exception {
        outcome("p-4", "kiosk-2", Instant.now(), new OutcomeImpression("fitting-help", "edge-" + IDS.next().value(),
                "home"));

        decide(trigger("p-4", "kiosk-1", Instant.now()));

        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("nothing");
        assertThat(fixture.text("SELECT explanation FROM decisions")).contains("\"removedAt\":\"contact_policy\"");
    }

    @Test
    void onOutcome_acceptThenDismissAndRepeat_teachesThePersistedModelOnce() throws Exception {
        decide(trigger("p-5", "kiosk-1", Instant.now()));
        String decisionId = fixture.text("SELECT decision_id FROM decisions");

        outcome("p-5", "kiosk-1", Instant.now(), new OutcomeAccept("fitting-help", decisionId, "kiosk-offer"));
        outcome("p-5", "kiosk-1", Instant.now(), new OutcomeAccept("fitting-help", decisionId, "kiosk-offer"));
        outcome("p-5", "kiosk-1", Instant.now(), new OutcomeDismiss("fitting-help", decisionId, "kiosk-offer"));

        // Read as numbers: PostgreSQL prints DOUBLE PRECISION 2.0 as "2", SQLite as "2.0".
        String arm = " FROM model_arms WHERE action_id = 'fitting-help' AND segment = 'kiosk|awareness'";
        assertThat(Double.parseDouble(fixture.text("SELECT alpha" + arm))).isEqualTo(2.0);
        assertThat(Double.parseDouble(fixture.text("SELECT beta" + arm))).isEqualTo(1.0);
        Learner restarted = new Learner();
        fixture.store.read(c -> {
            restarted.load(c);
            return null;
        }).await(10, TimeUnit.SECONDS);
        PropensityModel model = restarted.model();
        assertThat(model.mean("fitting-help", "kiosk|awareness")).isEqualTo(2.0 / 3.0);
        assertThat(fixture.kpis.outcomes).hasSize(2);
    }

    @Test
    void onOutcome_unknownDecision_isCountedAndIgnored() throws Exception {
        outcome("p-6", "kiosk-1", Instant.now(), new OutcomeAccept("fitting-help", "no-such-decision", "home"));

        assertThat(fixture.decisions.unknownOutcomes()).isEqualTo(1);
        assertThat(fixture.rows("outcomes")).isZero();
        assertThat(fixture.rows("model_arms")).isZero();
    }

    @Test
    void onIntent_webCartAbandonment_writesOneSignedWebhookRowForTheConnector() throws Exception {
        decide(webCartAbandonment("p-7"));

        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("sent");
        assertThat(fixture.text("SELECT store_id FROM decisions")).isEqualTo("web");
        assertThat(fixture.text("SELECT destination_kind || ' ' || destination FROM outbox"))
                .isEqualTo("webhook decisions");
        JsonObject body = new JsonObject(fixture.text("SELECT payload FROM outbox"));
        assertThat(body.getString("profileId")).isEqualTo("p-7");
        assertThat(body.getJsonObject("action").getString("actionId")).isEqualTo("web-cart-banner");
        assertThat(fixture.kpis.decisions).singleElement()
                .satisfies(fact -> assertThat(fact.triggerCaptureTime()).isEmpty());
    }

    @Test
    void onIntent_profileInTheControlGroup_sendsNoOfferAndRecordsTheWouldBeDecision() throws Exception {
        fixture.decisions.catalogs().change(latest -> CatalogCheck.require(latest.actions(),
                latest.patterns().toJson(), latest.policies().withControlGroup(new ControlGroupPolicy(100, "all"))),
                "test").await(10, TimeUnit.SECONDS);

        decide(webCartAbandonment("p-8"));

        assertThat(fixture.text("SELECT status FROM decisions")).isEqualTo("control");
        assertThat(fixture.text("SELECT would_be FROM decisions")).isEqualTo("[\"web-cart-banner\"]");
        assertThat(fixture.rows("outbox")).isZero();
        assertThat(fixture.kpis.decisions).singleElement().satisfies(fact -> {
            assertThat(fact.controlGroup()).isTrue();
            assertThat(fact.wouldBe()).containsExactly("web-cart-banner");
        });
    }

    private static Trigger webCartAbandonment(String profile) {
        return webCartAbandonment(profile, Instant.now());
    }

    private static Trigger webCartAbandonment(String profile, Instant captured) {
        JourneyContext empty = JourneyContext.empty(profile);
        JourneyContext withCart = new JourneyContext(profile, empty.stage(), Instant.now(), Map.of(), List.of(),
                List.of(), List.of(new CartLine("sku-1", "shoes", 1, 8900)), empty.counters(), "", Map.of(),
                Map.of(), List.of(), List.of());
        return new Trigger(profile, new Intent("cart_abandonment", profile, Instant.now(), "e1", Map.of()),
                Channel.WEB, Optional.empty(), Optional.empty(), Optional.of("s1"), withCart, captured,
                Instant.now());
    }

    private List<JsonObject> decide(Trigger trigger) throws Exception {
        return fixture.store.write(c -> underTest.onIntent(c, trigger)).await(10, TimeUnit.SECONDS);
    }

    private void outcome(String profile, String device, Instant at, Payload payload) throws Exception {
        CloudEvent event = CloudEvent.of(IDS.next(), Source.device("store-1", device), at, 1, payload);
        fixture.store.write(c -> underTest.onOutcome(c, profile, event)).await(10, TimeUnit.SECONDS);
    }

    private Optional<String> ownerOf(String device, Instant at, Payload payload) throws Exception {
        CloudEvent event = CloudEvent.of(IDS.next(), Source.device("store-1", device), at, 1, payload);
        return fixture.store.read(c -> underTest.ownerOf(c, event)).await(10, TimeUnit.SECONDS);
    }

    /** A kiosk session identity, as the identity graph records it when the session's first event arrives. */
    private void session(String value, String profile, Instant firstSeen) throws Exception {
        fixture.store.write(c -> {
            try (var insert = c.prepareStatement("INSERT INTO identities (namespace, value, profile_id, linked_at) "
                    + "VALUES ('kiosk_session', ?, ?, ?)")) {
                insert.setString(1, value);
                insert.setString(2, profile);
                insert.setLong(3, firstSeen.toEpochMilli());
                return insert.executeUpdate();
            }
        }).await(10, TimeUnit.SECONDS);
    }

    private static Trigger trigger(String profile, String device, Instant captured) throws SQLException {
        return new Trigger(profile, new Intent("service_request", profile, captured, "e1", Map.of()),
                Channel.KIOSK, Optional.of("store-1"), Optional.of(device), Optional.of("session-1"),
                JourneyContext.empty(profile), captured, Instant.now());
    }
}
