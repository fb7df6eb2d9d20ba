package dev.waymark.cloud.internal.boot;

import dev.waymark.cloud.CloudSettings;
import dev.waymark.cloud.internal.accounts.AccountRoutes;
import dev.waymark.cloud.internal.accounts.Accounts;
import dev.waymark.cloud.internal.accounts.AccountsGuard;
import dev.waymark.cloud.internal.accounts.AccountsSettings;
import dev.waymark.cloud.internal.accounts.PasswordHasher;
import dev.waymark.cloud.internal.campaign.CampaignSettings;
import dev.waymark.cloud.internal.campaign.Campaigns;
import dev.waymark.cloud.internal.collector.CollectorRoutes;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.consent.ConsentRoutes;
import dev.waymark.cloud.internal.crm.Crm;
import dev.waymark.cloud.internal.crm.CrmSettings;
import dev.waymark.cloud.internal.decision.DecisionSettings;
import dev.waymark.cloud.internal.decision.DecisionLog;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.decision.IntentPlacements;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.gateway.Gateway;
import dev.waymark.cloud.internal.gateway.GatewaySettings;
import dev.waymark.cloud.internal.identity.Identifiers;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.ProfileDirectory;
import dev.waymark.cloud.internal.insight.DeviceOverview;
import dev.waymark.cloud.internal.insight.HealthRoutes;
import dev.waymark.cloud.internal.insight.InsightSettings;
import dev.waymark.cloud.internal.insight.KpiBook;
import dev.waymark.cloud.internal.insight.KpiGauges;
import dev.waymark.cloud.internal.insight.KpiRoutes;
import dev.waymark.cloud.internal.insight.LiveRoutes;
import dev.waymark.cloud.internal.insight.MetricsRoutes;
import dev.waymark.cloud.internal.insight.OverviewRoutes;
import dev.waymark.cloud.internal.keys.CloudKeys;
import dev.waymark.cloud.internal.log.EventLogs;
import dev.waymark.cloud.internal.pipeline.EventPipeline;
import dev.waymark.cloud.internal.pipeline.JourneyReads;
import dev.waymark.cloud.internal.pipeline.PipelineParts;
import dev.waymark.cloud.internal.pipeline.ProfileEventCounts;
import dev.waymark.cloud.internal.pipeline.ProfileRouter;
import dev.waymark.cloud.internal.profile.ProfileRoutes;
import dev.waymark.cloud.internal.profile.ProfileDocument;
import dev.waymark.cloud.internal.profile.ProfileSection;
import dev.waymark.cloud.internal.subject.SubjectRights;
import dev.waymark.cloud.Store;
import dev.waymark.privacy.EventMasker;
import dev.waymark.privacy.KeyRing;
import dev.waymark.privacy.MaskingPolicy;
import dev.waymark.privacy.PiiScanner;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the cloud's parts from its settings and wires them to one another: accounts and their guard, identity
 * and consent, KPIs and the device overview, the gateway, decisions, campaigns, the pipeline, and the routes of
 * each.
 */
final class CloudAssembly {

    final Accounts accounts;
    final AccountsGuard guard;
    final Namespaces namespaces;
    final IdentityGraph identity;
    final ConsentLedgerBook consent;
    final KpiBook kpis = new KpiBook();
    final DeviceOverview devices = new DeviceOverview();
    final InsightSettings insight;
    final Gateway gateway;
    final Crm crm;
    private final Vertx vertx;
    private final Store store;
    private final EventLogs logs;
    private final CloudSettings settings;
    private final CloudKeys keys;
    private final PrometheusMeterRegistry meters;
    private final Clock clock;
    private final JsonObject flat;
    private final AccountsSettings accountSettings;
    private final SubjectRights subjects;
    private Decisions decisions;
    private Campaigns campaigns;
    private EventPipeline pipeline;
    private KpiGauges gauges;

    CloudAssembly(Vertx vertx, Store store, EventLogs logs, CloudSettings settings, CloudKeys keys,
            RevokedSerials revoked, PrometheusMeterRegistry meters, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.logs = logs;
        this.settings = settings;
        this.keys = keys;
        this.meters = meters;
        this.clock = clock;
        this.flat = settings.flat();
        this.accountSettings = AccountsSettings.from(flat);
        this.accounts = new Accounts(vertx, store, PasswordHasher.owaspMinimum(), accountSettings, clock);
        this.guard = new AccountsGuard(accounts);
        this.namespaces = Namespaces.fromSettings(settings.section("identity").getJsonObject("namespaces",
                new JsonObject()));
        UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());
        this.identity = new IdentityGraph(namespaces, ids);
        this.consent = new ConsentLedgerBook(ids, clock);
        identity.onMerge(consent);
        this.crm = new Crm(vertx, store, logs.ingest(), CrmSettings.from(settings.section("crm")),
                OutboxSettings.from(flat).requestTimeout(), meters, clock);
        // Erasures run only once the routes are mounted, after start() made the pipeline.
        this.subjects = new SubjectRights(new SubjectRights.Needs(vertx, store, guard, namespaces, exportDocument(),
                keys.pseudonymizationKey(), erased -> pipeline.forgetProfiles(erased), crm::erased, clock));
        identity.blockWith(subjects.linkBlock());
        this.insight = InsightSettings.from(flat);
        this.gateway = new Gateway(vertx, logs.ingest(), meters, gatewaySettings(), keys.ca(), revoked);
    }

    private GatewaySettings gatewaySettings() {
        JsonObject section = settings.section("gateway");
        if (!section.containsKey("dataDir")) {
            section.put("dataDir", settings.dataDir().resolve("gateway").toString());
        }
        return GatewaySettings.from(section);
    }

    /** The profile document of the data-subject export: every decision, not the recent ones. */
    private ProfileDocument exportDocument() {
        DecisionLog decisionLog = new DecisionLog();
        Map<String, ProfileSection> sections = new LinkedHashMap<>();
        sections.put("journey", JourneyReads::section);
        sections.put("decisions", (c, profileId) -> decisionLog.recentDecisions(c, profileId, Integer.MAX_VALUE));
        sections.put("events", ProfileEventCounts::section);
        sections.put("traits", crm::traits);
        return new ProfileDocument(consent, sections);
    }

    /** Starts the gateway, then decisions (which publish through it), then the pipeline and the KPI gauges. */
    Future<Void> start() {
        return gateway.start().compose(started -> {
            decisions = new Decisions(new Decisions.Needs(vertx, store, keys.bundleSigner(), gateway.channel(),
                    consent, kpis, ProfileDirectory::profileIdFor, JourneyReads::context, guard, OutboxSettings.from(flat),
                    IntentPlacements.defaults(), meters, clock, DecisionSettings.from(flat)));
            identity.onMerge(decisions::merged);
            crm.connectTo(decisions::connect);
            return decisions.start();
        }).compose(started -> {
            campaigns = new Campaigns(vertx, store, decisions.parts(), guard, CampaignSettings.from(flat), clock);
            campaigns.start();
            pipeline = new EventPipeline(vertx, store, logs.pipeline(), new PipelineParts(Identifiers::of,
                    crm.identity(identity), crm.consent(consent), new CatalogEngines(decisions.catalogs()),
                    crm.decider(decisions.decider()), kpis, devices), meters, clock, cachedProfiles());
            crm.start();
            pipeline.onNewStore(decisions::publishCurrentBundle);
            pipeline.start(settings.batch());
            logs.profiles().ifPresent(profiles -> pipeline.router(logs.ingest()).start(settings.batch()));
            gauges = new KpiGauges(vertx, store, meters, insight, clock);
            subjects.start();
            return gauges.start();
        });
    }

    // On a shared log a profile's events reach one replica, but a rebalance moves its partition to another one and the
    // router's merges change profiles in its own transaction: cached journey contexts would go stale, so none is kept.
    private int cachedProfiles() {
        return logs.profiles().isPresent() ? 0 : settings.cachedProfiles();
    }

    /**
     * Events appended and not yet applied: the pipeline's lag, plus the router's on a shared log. The router's is
     * read first: what it has passed is on the pipeline's log by then, so a backlog of 0 means all was applied.
     */
    Future<Long> backlog() {
        if (logs.profiles().isEmpty()) {
            return logs.pipeline().lag(EventPipeline.GROUP);
        }
        return logs.ingest().lag(ProfileRouter.GROUP).compose(routing -> logs.pipeline().lag(EventPipeline.GROUP)
                .map(applying -> routing + applying));
    }

    /** The pipeline, once started. */
    EventPipeline pipeline() {
        return pipeline;
    }

    /** Every part's routes, in the order they are mounted. */
    List<Consumer<Router>> routes(Map<String, Supplier<Future<JsonObject>>> healthChecks) {
        EventMasker masker = EventMasker.create(MaskingPolicy.defaults(), KeyRing.of(keys.pseudonymizationKey()),
                PiiScanner.standard());
        Map<String, ProfileSection> sections = new LinkedHashMap<>();
        sections.put("journey", JourneyReads::section);
        sections.put("decisions", decisions::recentDecisions);
        sections.put("events", ProfileEventCounts::section);
        sections.put("traits", crm::traits);
        return List.of(
                new HealthRoutes(healthChecks, insight.healthTimeout())::mount,
                new MetricsRoutes(meters, guard, insight.metricsOpen())::mount,
                new CollectorRoutes(vertx, logs.ingest(), accounts::isWriteKey, masker, meters, clock)::mount,
                new AccountRoutes(accounts, guard, accountSettings)::mount,
                new ProfileRoutes(store, guard, namespaces, consent, sections)::mount,
                new ConsentRoutes(store, guard, namespaces, consent, clock, crm::consentChanged)::mount,
                subjects::mount,
                decisions::mount,
                campaigns::mount,
                new KpiRoutes(store, guard, insight, clock)::mount,
                new LiveRoutes(vertx, guard, meters, insight)::mount,
                new OverviewRoutes(store, guard, insight, clock)::mount,
                router -> crm.mount(router, guard));
    }

    /**
     * Stops what runs on its own: the gauges, the campaign runner, the drainer, the CRM's meters, the gateway and
     * then the event log with the pipeline's consumer, so that the ingest's last appends still reach the log.
     */
    Future<Void> stop() {
        subjects.close();
        if (gauges != null) {
            gauges.close();
        }
        if (campaigns != null) {
            campaigns.close();
        }
        if (decisions != null) {
            decisions.close();
        }
        crm.close();
        return gateway.stop().eventually(() -> {
            logs.close();
            return Future.succeededFuture();
        });
    }
}
