package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.consent.ConsentBook;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.RecordingDevices;
import dev.waymark.cloud.testing.StoreCounts;
import dev.waymark.decision.BundleSigner;
import dev.waymark.decision.ConsentView;
import dev.waymark.journey.CartLine;
import dev.waymark.journey.JourneyContext;
import dev.waymark.protocol.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real store (SQLite or PostgreSQL) with the decisioning part assembled over recording seams. */
final class DecisionFixture implements AutoCloseable {

    static final String SECRET = "0123456789abcdef-webhook-secret";

    final Vertx vertx;
    final JdbcStore store;
    final KeyPair keys;
    final RecordingDevices devices = new RecordingDevices();
    final RecordingKpis kpis = new RecordingKpis();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Decisions decisions;

    DecisionFixture(String url, Optional<URI> webhook) throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, url, 2);
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ConsentBook consent = new ConsentBook() {
            @Override
            public void record(Connection connection, String profileId, CloudEvent event) {
            }

            @Override
            public ConsentView view(Connection connection, String profileId) {
                return ConsentView.grantAll();
            }
        };
        OutboxSettings outbox = new OutboxSettings(webhook, SECRET, 4, Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofMillis(20), Duration.ofMillis(500));
        decisions = new Decisions(new Decisions.Needs(vertx, store, BundleSigner.of(keys.getPrivate(), "k1"), devices,
                consent, kpis, (c, ids) -> ids.get(0).namespace().equals("loyalty") ? "p-" + ids.get(0).value()
                        : null, DecisionFixture::journeyWithOneCartItem, new TestGuard(), outbox,
                IntentPlacements.defaults(), meters, Clock.systemUTC()));
    }

    /** The journey of a profile with one item in the cart, for the web banner's rule. */
    static JourneyContext journeyWithOneCartItem(Connection c, String profileId) {
        JourneyContext e = JourneyContext.empty(profileId);
        return new JourneyContext(profileId, e.stage(), e.asOf(), e.sessions(), e.serviceJourneys(), e.recent(),
                List.of(new CartLine("SKU-1", "packs", 1, 5999)), e.counters(), e.lastIntent(), e.pendingTimers(),
                e.lastFired(), e.sources(), e.webEventIds());
    }

    /** Serves the part's routes on an ephemeral port; returns a client aimed at it. */
    WebClient serve() throws Exception {
        Router router = Router.router(vertx);
        decisions.mount(router);
        int port = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS).actualPort();
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
    }

    /** Adds stores to table {@code stores}, as the gateway does when it first sees them. */
    void stores(String... ids) throws Exception {
        store.write(c -> {
            for (String id : ids) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO stores (store_id, first_seen, last_seen) VALUES (?, 0, 0)")) {
                    insert.setString(1, id);
                    insert.executeUpdate();
                }
            }
            return null;
        }).await(10, TimeUnit.SECONDS);
    }

    long rows(String table) throws Exception {
        return count("SELECT COUNT(*) FROM " + table);
    }

    long count(String sql) throws Exception {
        return StoreCounts.count(store, sql);
    }

    String text(String sql) throws Exception {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }).await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        decisions.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
