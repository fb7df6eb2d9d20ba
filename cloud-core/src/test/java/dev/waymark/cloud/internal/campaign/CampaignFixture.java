package dev.waymark.cloud.internal.campaign;

import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.decision.IntentPlacements;
import dev.waymark.cloud.internal.decision.TestGuard;
import dev.waymark.cloud.internal.decision.catalog.CatalogCheck;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import dev.waymark.cloud.internal.insight.KpiBook;
import dev.waymark.cloud.internal.pipeline.JourneyReads;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.MovableClock;
import dev.waymark.cloud.testing.RecordingDevices;
import dev.waymark.cloud.testing.StoreCounts;
import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.BundleSigner;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real store (SQLite or PostgreSQL) with the decisioning part assembled over the real consent ledger and KPI
 * book, a catalog with one e-mail action for campaigns, and {@link SyntheticProfiles} to fill it.
 */
final class CampaignFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    final Vertx vertx = Vertx.vertx();
    final MovableClock clock = new MovableClock(START);
    final JdbcStore store;
    final Decisions decisions;
    final ConsentLedgerBook consent;

    CampaignFixture(String url) throws Exception {
        store = JdbcStore.open(vertx, url, 2);
        UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
        consent = new ConsentLedgerBook(ids, clock);
        OutboxSettings outbox = new OutboxSettings(Optional.empty(), "0123456789abcdef-webhook-secret", 4,
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(500));
        decisions = new Decisions(new Decisions.Needs(vertx, store,
                BundleSigner.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), "k1"),
                new RecordingDevices(), consent, new KpiBook(),
                ProfileDirectory::profileIdFor, JourneyReads::context, new TestGuard(), outbox,
                IntentPlacements.defaults(), new SimpleMeterRegistry(), clock));
        decisions.catalogs().start().await(10, TimeUnit.SECONDS);
        catalog(0);
    }

    /** The catalog: {@link SyntheticProfiles#ACTION} by e-mail, one sales e-mail a week, {@code percent} held out. */
    void catalog(int controlPercent) throws Exception {
        JsonArray actions = new JsonArray().add(SyntheticProfiles.emailAction());
        decisions.catalogs().change(latest -> CatalogCheck.require(CatalogCheck.actions("actions", actions),
                latest.patterns().toJson(), latest.policies()
                        .withControlGroup(new ControlGroupPolicy(controlPercent, "campaign-test"))
                        .withCaps(List.of(new ContactCap(Channel.EMAIL, ActionCategory.SALES, 1, Duration.ofDays(7))))),
                "test").await(10, TimeUnit.SECONDS);
    }

    /** Writes synthetic profiles 0 to {@code count - 1}. */
    void seed(int count) throws Exception {
        store.write(c -> {
            SyntheticProfiles.write(c, consent, 0, count, clock.instant());
            return null;
        }).await(30, TimeUnit.SECONDS);
    }

    /** A runner with its own lease owner id over this store. */
    CampaignRunner runner(CampaignSettings settings, String owner) {
        return new CampaignRunner(vertx, store, new CampaignDecider(decisions.parts()), settings, owner, clock);
    }

    /** Creates a campaign starting now. */
    void create(String id, String segment) throws Exception {
        CampaignPlan plan = CampaignPlan.read(new JsonObject().put("id", id).put("name", id).put("segment", segment)
                .put("channel", "email").put("placement", SyntheticProfiles.PLACEMENT), "unused");
        store.write(c -> {
            new CampaignBook().create(c, plan, clock.instant());
            return null;
        }).await(10, TimeUnit.SECONDS);
    }

    Campaign campaign(String id) throws Exception {
        return store.read(c -> new CampaignBook().find(c, id).orElseThrow())
                .await(10, TimeUnit.SECONDS);
    }

    long count(String sql) throws Exception {
        return StoreCounts.count(store, sql);
    }

    @Override
    public void close() throws Exception {
        decisions.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
