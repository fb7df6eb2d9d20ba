package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.consent.ConsentBook;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.decision.Decider;
import dev.waymark.cloud.internal.decision.outbox.Connector;
import dev.waymark.cloud.internal.decision.outbox.DeadLetters;
import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.http.Guard;
import dev.waymark.cloud.internal.identity.IdentityResolver;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CRM sync assembled (docs/crm.md). Outbound: wraps the pipeline's identity resolver, consent book and decider
 * so that links, merges, consent changes, decisions, outcomes and journey completions are written to the outbox in
 * the transaction that made them, and gives the outbox drainer a connector per configured CRM (signed webhook,
 * Salesforce-style upsert). Inbound: {@code POST /v1/crm/inbound}. Admin: status and dead letters. Meters, per
 * connector kind: {@code wm.crm.pending}, {@code wm.crm.retrying}, {@code wm.crm.dead} and {@code wm.crm.lag} (ms).
 */
public final class Crm implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Crm.class.getName());
    private static final Duration GAUGE_PERIOD = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final Store store;
    private final CrmSettings settings;
    private final Clock clock;
    private final WebClient http;
    private final CrmFeed feed;
    private final ProfileTraits traits = new ProfileTraits();
    private final DeadLetters letters = new DeadLetters(CrmFeed.PREFIX);
    private final Map<String, Connector> connectors = new LinkedHashMap<>();
    private final CrmInbound inbound;
    private final Map<String, AtomicLong[]> gauges = new LinkedHashMap<>();
    private long timer = -1;

    /** The CRM part; {@code requestTimeout} limits each request to a CRM ({@code outbox.requestTimeoutMs}). */
    public Crm(Vertx vertx, Store store, EventLog log, CrmSettings settings, Duration requestTimeout,
            MeterRegistry meters, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.http = WebClient.create(vertx);
        settings.webhook().ifPresent(hook -> connectors.put(CrmFeed.WEBHOOK,
                new SignedWebhook(http, hook, requestTimeout, clock)));
        settings.salesforce().ifPresent(sf -> connectors.put(CrmFeed.SALESFORCE, new SalesforceUpsert(http, sf,
                new ClientCredentials(http, sf, requestTimeout, clock), requestTimeout)));
        this.feed = new CrmFeed(new Outbox(), new UlidGenerator(clock, new SecureRandom()),
                new ArrayList<>(connectors.keySet()), clock);
        this.inbound = new CrmInbound(vertx, store, log, settings, traits, clock);
        for (String kind : connectors.keySet()) {
            AtomicLong[] values = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
            gauges.put(kind, values);
            Tags tags = Tags.of("connector", kind);
            Gauge.builder("wm.crm.pending", values[0], AtomicLong::get).tags(tags).register(meters);
            Gauge.builder("wm.crm.retrying", values[1], AtomicLong::get).tags(tags).register(meters);
            Gauge.builder("wm.crm.dead", values[2], AtomicLong::get).tags(tags).register(meters);
            Gauge.builder("wm.crm.lag", values[3], AtomicLong::get).baseUnit("milliseconds").tags(tags)
                    .register(meters);
        }
    }

    /** {@code graph} telling the CRM of links and merges; register merge hooks on the result or the graph alike. */
    public IdentityResolver identity(IdentityResolver graph) {
        CrmIdentity identity = new CrmIdentity(graph, feed, settings.namespaces(), clock);
        graph.onMerge(identity);
        graph.onMerge(traits);
        return identity;
    }

    /** {@code ledger} telling the CRM of consent changes. */
    public ConsentBook consent(ConsentLedgerBook ledger) {
        return new CrmConsent(ledger, feed);
    }

    /** A consent recorded through the consent API changed the profile's effective consent ({@code ConsentRoutes}). */
    public void consentChanged(Connection c, String profileId, String recordId, Instant at, JsonObject effective)
            throws SQLException {
        if (feed.sends()) {
            feed.publish(c, new CrmMessage("consent:api/" + recordId, CrmMessage.CONSENT, profileId, at,
                    new JsonObject().put("consent", effective)));
        }
    }

    /** {@code decider} telling the CRM of decisions, outcomes and journey completions. */
    public Decider decider(Decider decider) {
        return new CrmDecider(decider, feed);
    }

    /**
     * Tells every connector, in the erasure's transaction, to delete the erased {@code profileId}; the message id
     * is made of the erasure's id and {@code index}, so that only the body names the profile. How many it wrote.
     */
    public int erased(Connection c, String profileId, String erasureId, int index, Instant at) throws SQLException {
        if (!feed.sends()) {
            return 0;
        }
        feed.publish(c, new CrmMessage("erased:" + erasureId + ":" + index, CrmMessage.ERASED, profileId, at,
                new JsonObject().put("erasureId", erasureId)));
        return connectors.size();
    }

    /** Hands each configured connector to the outbox drainer ({@code decisions::connect}). */
    public void connectTo(BiConsumer<String, Connector> drainer) {
        connectors.forEach(drainer);
    }

    /** Mounts the inbound webhook and the admin routes. */
    public void mount(Router router, Guard guard) {
        inbound.mount(router);
        new CrmRoutes(store, guard, letters, new ArrayList<>(connectors.keySet()),
                settings.inboundSecret().isPresent(), clock).mount(router);
    }

    /** The profile API's {@code traits} section ({@code ProfileSection.load} shape). */
    public Object traits(Connection c, String profileId) throws SQLException {
        return traits.of(c, profileId);
    }

    /** Starts refreshing the meters. */
    public void start() {
        if (!gauges.isEmpty()) {
            timer = vertx.setPeriodic(1, GAUGE_PERIOD.toMillis(), id -> refresh());
        }
    }

    private void refresh() {
        store.read(c -> letters.states(c, clock.instant())).onComplete(done -> {
            if (done.failed()) {
                LOG.log(Level.FINE, "CRM meters not refreshed: " + done.cause().getMessage());
                return;
            }
            gauges.forEach((kind, values) -> {
                DeadLetters.KindState state = done.result().getOrDefault(kind,
                        new DeadLetters.KindState(kind, 0, 0, 0, 0, 0));
                values[0].set(state.pending());
                values[1].set(state.retrying());
                values[2].set(state.dead());
                values[3].set(state.lagMillis());
            });
        });
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        http.close();
    }
}
