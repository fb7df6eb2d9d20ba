package dev.waymark.benchmarks.cloud;

import dev.waymark.cloud.Store;
import dev.waymark.cloud.internal.campaign.CampaignSettings;
import dev.waymark.cloud.internal.campaign.Campaigns;
import dev.waymark.cloud.internal.campaign.SegmentScan;
import dev.waymark.cloud.internal.campaign.SyntheticProfiles;
import dev.waymark.cloud.internal.campaign.Tally;
import dev.waymark.cloud.internal.consent.ConsentLedgerBook;
import dev.waymark.cloud.internal.decision.Decisions;
import dev.waymark.cloud.internal.decision.catalog.CatalogCheck;
import dev.waymark.cloud.internal.insight.KpiBook;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.SegmentRule;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Campaign mode at scale: seeds N synthetic profiles straight into a real store (a SQLite file in a temp folder,
 * or the PostgreSQL at {@code WM_PG_URL}), then runs one campaign over them through the real routes and runner
 * (segment {@code journey.cartItems > 0}, a quarter of the profiles; one sales e-mail, weekly cap) and reports
 * profiles and decisions a second. The limit, same run: the same profiles read in the same chunks with the segment
 * evaluated, deciding and writing nothing ({@link SegmentScan}).
 *
 * <p>Arguments: profiles (1,000,000), partitions (8), chunk (2000), workers (2).
 */
public final class CampaignThroughput {

    private static final String SEGMENT = "journey.cartItems > 0";
    private static final int SEED_BATCH = 20_000;

    private CampaignThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        CampaignSettings settings = new CampaignSettings(args.length > 1 ? Integer.parseInt(args[1]) : 8,
                args.length > 2 ? Integer.parseInt(args[2]) : 2000, args.length > 3 ? Integer.parseInt(args[3]) : 2,
                Duration.ofSeconds(60), Duration.ofMillis(200));
        String pg = System.getenv("WM_PG_URL");
        Path folder = Files.createTempDirectory("wm-campaign-bench");
        String url = pg != null ? pg : "jdbc:sqlite:" + folder.resolve("cloud.db");
        Vertx vertx = Vertx.vertx();
        Clock clock = Clock.systemUTC();
        try (JdbcStore store = JdbcStore.open(vertx, url, 2)) {
            ConsentLedgerBook consent = new ConsentLedgerBook(new UlidGenerator(clock, new SecureRandom()), clock);
            Decisions decisions = PipelineHost.decisions(vertx, store, consent, new KpiBook(), clock);
            decisions.start().await(60, TimeUnit.SECONDS);
            campaignCatalog(decisions);
            long seedStart = System.nanoTime();
            for (long from = 0; from < profiles; from += SEED_BATCH) {
                long start = from;
                store.write(c -> {
                    SyntheticProfiles.write(c, consent, start, Math.min(profiles, start + SEED_BATCH),
                            clock.instant());
                    return null;
                }).await(300, TimeUnit.SECONDS);
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            if (store.dialect() == Store.Dialect.SQLITE) {
                // Both figures read a checkpointed file: reads through a WAL of a million fresh rows are slower.
                store.write(c -> {
                    try (Statement checkpoint = c.createStatement()) {
                        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                    return null;
                }).await(300, TimeUnit.SECONDS);
            }

            long limitStart = System.nanoTime();
            Tally limit = SegmentScan.count(store, SegmentRule.compile(SEGMENT), settings.chunk())
                    .await(600, TimeUnit.SECONDS);
            double limitSeconds = (System.nanoTime() - limitStart) / 1e9;

            try (Campaigns campaigns = new Campaigns(vertx, store, decisions.parts(),
                    scope -> context -> context.next(), settings, clock)) {
                Router router = Router.router(vertx);
                campaigns.mount(router);
                int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                        .await(10, TimeUnit.SECONDS).actualPort();
                WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                        .setDefaultPort(port));
                String id = client.post("/v1/campaigns").sendJsonObject(new JsonObject().put("id", "bench")
                        .put("name", "bench").put("segment", SEGMENT).put("channel", "email")
                        .put("placement", SyntheticProfiles.PLACEMENT)).await(10, TimeUnit.SECONDS)
                        .bodyAsJsonObject().getString("id");
                long start = System.nanoTime();
                campaigns.start();
                JsonObject done = waitDone(client, id);
                double seconds = (System.nanoTime() - start) / 1e9;
                report(url, profiles, settings, seedSeconds, done, seconds, limit, limitSeconds,
                        count(store, "SELECT COUNT(*) FROM decisions WHERE mode = 'campaign'"),
                        count(store, "SELECT COUNT(DISTINCT profile_id) FROM decisions"));
            }
            decisions.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void campaignCatalog(Decisions decisions) throws Exception {
        JsonArray actions = new JsonArray().add(SyntheticProfiles.emailAction());
        decisions.catalogs().change(latest -> CatalogCheck.require(CatalogCheck.actions("actions", actions),
                latest.patterns().toJson(), latest.policies().withCaps(List.of(new ContactCap(Channel.EMAIL,
                        ActionCategory.SALES, 1, Duration.ofDays(7))))), "bench").await(30, TimeUnit.SECONDS);
    }

    private static JsonObject waitDone(WebClient client, String id) throws Exception {
        while (true) {
            JsonObject campaign = client.get("/v1/campaigns/" + id).send().await(10, TimeUnit.SECONDS)
                    .bodyAsJsonObject();
            String state = campaign.getString("state");
            if (!state.equals("running") && !state.equals("scheduled")) {
                return campaign;
            }
            Thread.sleep(250);
        }
    }

    private static long count(JdbcStore store, String sql) throws Exception {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }).await(60, TimeUnit.SECONDS);
    }

    private static void report(String url, int profiles, CampaignSettings settings, double seedSeconds,
            JsonObject done, double seconds, Tally limit, double limitSeconds, long decisionRows, long distinct) {
        JsonObject progress = done.getJsonObject("progress");
        double rate = progress.getLong("scanned") / seconds;
        double limitRate = limit.scanned() / limitSeconds;
        String engine = url.startsWith("jdbc:sqlite") ? "SQLite" : "PostgreSQL";
        System.out.printf(Locale.ROOT, "%nCampaign throughput: %,d profiles on %s; %d partitions, chunks of %d, "
                + "%d workers; %d cores%n", profiles, engine, settings.partitions(), settings.chunk(),
                settings.workers(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "seeded in %.1f s (%,.0f profiles/s)%n", seedSeconds, profiles / seedSeconds);
        System.out.printf(Locale.ROOT, "campaign %s: %s%n", done.getString("state"), progress.encode());
        System.out.printf(Locale.ROOT, "decision rows %,d, distinct profiles decided %,d%n", decisionRows, distinct);
        System.out.printf(Locale.ROOT, "%-40s %14s %14s %8s%n", "figure", "campaign", "limit", "ratio");
        System.out.printf(Locale.ROOT, "%-40s %14.1f %14.1f %8.2f%n", "total seconds", seconds, limitSeconds,
                seconds / limitSeconds);
        System.out.printf(Locale.ROOT, "%-40s %14.0f %14.0f %8.3f%n", "profiles scanned/s", rate, limitRate,
                rate / limitRate);
        System.out.printf(Locale.ROOT, "%-40s %14.0f %14s%n", "decisions recorded/s",
                progress.getLong("decided") / seconds, "-");
    }
}
