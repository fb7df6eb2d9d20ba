package dev.waymark.cloud.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.decision.outbox.Outbox;
import dev.waymark.cloud.internal.decision.outbox.OutboxDrainer;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.cloud.internal.store.JdbcStore;
import dev.waymark.cloud.testing.RecordingDevices;
import dev.waymark.protocol.UlidGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Salesforce-style connector against a real local HTTP server playing the CRM's OAuth token endpoint and its
 * REST API, which revokes the first token after two calls and throttles once.
 */
class SalesforceUpsertIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One upsert the API took: its path and body. */
    record Upsert(String path, JsonObject body, String token) {
    }

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore store;
    HttpServer api;
    OutboxDrainer underTest;
    final List<Upsert> upserts = new CopyOnWriteArrayList<>();
    final List<String> deletes = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger callsWithFirstToken = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 2);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/oauth/token").handler(this::token);
        router.patch("/services/data/v60.0/sobjects/:object/:key/:id").handler(this::upsert);
        router.delete("/services/data/v60.0/sobjects/:object/:key/:id").handler(context -> {
            deletes.add(context.request().path());
            context.response().setStatusCode(context.pathParam("id").equals("p-unknown") ? 404 : 204).end();
        });
        api = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
    }

    private void token(RoutingContext context) {
        tokenRequests.add(Map.of("grant_type", context.request().getFormAttribute("grant_type"),
                "client_id", context.request().getFormAttribute("client_id"),
                "client_secret", context.request().getFormAttribute("client_secret")));
        context.json(new JsonObject().put("access_token", "token-" + tokenRequests.size())
                .put("instance_url", "http://localhost:" + api.actualPort()).put("token_type", "Bearer"));
    }

    private void upsert(RoutingContext context) {
        String token = context.request().getHeader("authorization").substring("Bearer ".length());
        int call = calls.incrementAndGet();
        if (token.equals("token-1") && callsWithFirstToken.incrementAndGet() > 2) {
            context.response().setStatusCode(401).end(new JsonArray().add(new JsonObject()
                    .put("errorCode", "INVALID_SESSION_ID")).encode());
            return;
        }
        if (call == 2) {
            context.response().setStatusCode(503).end();
            return;
        }
        upserts.add(new Upsert(context.request().path(), context.body().asJsonObject(), token));
        context.response().setStatusCode(call % 2 == 0 ? 201 : 204).end();
    }

    @AfterEach
    void close() throws Exception {
        if (underTest != null) {
            underTest.close();
        }
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void drain_profileAndActivityMessages_upsertsByExternalIdRefreshingTheRevokedToken() throws Exception {
        SalesforceSettings settings = SalesforceSettings.from(new JsonObject()
                .put("tokenUrl", "http://localhost:" + api.actualPort() + "/oauth/token")
                .put("clientId", "waymark-app").put("clientSecret", "s3cret-client")
                .put("activityFields", new JsonObject().put("Kind__c", "type").put("Decision__c", "data.decisionId")
                        .put("Outcome__c", "data.kind")));
        start(settings);
        CrmFeed feed = new CrmFeed(new Outbox(), new UlidGenerator(Clock.systemUTC(), new SecureRandom()),
                List.of(CrmFeed.SALESFORCE), Clock.systemUTC());
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        store.write(c -> {
            feed.publish(c, new CrmMessage("linked:p-1:e1", CrmMessage.LINKED, "p-1", at, new JsonObject()
                    .put("identifiers", new JsonArray().add(new JsonObject().put("namespace", "crm")
                            .put("id", "tok:c1")))));
            feed.publish(c, new CrmMessage("decision:d-1", CrmMessage.DECISION, "p-1", at, new JsonObject()
                    .put("decisionId", "d-1").put("intent", "cart_abandonment")));
            feed.publish(c, new CrmMessage("outcome:d-1:a-1:accept", CrmMessage.OUTCOME, "p-1", at,
                    new JsonObject().put("decisionId", "d-1").put("actionId", "a-1").put("kind", "accept")));
            feed.publish(c, new CrmMessage("journey:e9:journey_completion", CrmMessage.JOURNEY_COMPLETED, "p-1",
                    at, new JsonObject().put("journey", "purchase")));
            return null;
        }).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> upserts.size() == 4);

        assertThat(tokenRequests).as("one token, and one more after it was revoked").hasSize(2)
                .allSatisfy(form -> assertThat(form).containsEntry("grant_type", "client_credentials")
                        .containsEntry("client_id", "waymark-app").containsEntry("client_secret", "s3cret-client"));
        assertThat(upserts).extracting(Upsert::path).containsExactly(
                "/services/data/v60.0/sobjects/Contact/Waymark_Id__c/p-1",
                "/services/data/v60.0/sobjects/Waymark_Activity__c/Waymark_Key__c/decision%3Ad-1",
                "/services/data/v60.0/sobjects/Waymark_Activity__c/Waymark_Key__c/outcome%3Ad-1%3Aa-1%3Aaccept",
                "/services/data/v60.0/sobjects/Waymark_Activity__c/Waymark_Key__c/journey%3Ae9%3Ajourney_completion");
        assertThat(upserts.get(0).body()).isEqualTo(new JsonObject().put("Waymark_Last_Change__c", "profile.linked")
                .put("Waymark_Changed_At__c", "2026-11-30T10:00:00Z")
                .put("Waymark_Identifiers__c", "[{\"namespace\":\"crm\",\"id\":\"tok:c1\"}]"));
        assertThat(upserts.get(2).body()).isEqualTo(new JsonObject().put("Kind__c", "outcome")
                .put("Decision__c", "d-1").put("Outcome__c", "accept")
                .put("Contact__r", new JsonObject().put("Waymark_Id__c", "p-1")));
        assertThat(upserts).extracting(Upsert::token).containsExactly("token-1", "token-2", "token-2", "token-2");
    }

    @Test
    void drain_erasedProfiles_deleteTheirContactsAndOneTheCrmNeverHadCountsAsDeleted() throws Exception {
        start(SalesforceSettings.from(new JsonObject()
                .put("tokenUrl", "http://localhost:" + api.actualPort() + "/oauth/token")
                .put("clientId", "waymark-app").put("clientSecret", "s3cret-client")));
        CrmFeed feed = new CrmFeed(new Outbox(), new UlidGenerator(Clock.systemUTC(), new SecureRandom()),
                List.of(CrmFeed.SALESFORCE), Clock.systemUTC());
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        store.write(c -> {
            feed.publish(c, new CrmMessage("erased:E1:0", CrmMessage.ERASED, "p-7", at,
                    new JsonObject().put("erasureId", "E1")));
            feed.publish(c, new CrmMessage("erased:E1:1", CrmMessage.ERASED, "p-unknown", at,
                    new JsonObject().put("erasureId", "E1")));
            return null;
        }).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> store.read(c -> {
            try (var select = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = 'delivered'");
                 var rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }).await(10, TimeUnit.SECONDS) == 2);
        assertThat(deletes).containsExactlyInAnyOrder("/services/data/v60.0/sobjects/Contact/Waymark_Id__c/p-7",
                "/services/data/v60.0/sobjects/Contact/Waymark_Id__c/p-unknown");
        assertThat(upserts).isEmpty();
    }

    @Test
    void from_mappingToAPathNoMessageHas_isRefusedNamingTheField() {
        JsonObject json = new JsonObject().put("tokenUrl", "https://login.example/token").put("clientId", "a")
                .put("clientSecret", "b").put("contactFields", new JsonObject().put("Email", "email"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SalesforceSettings.from(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("crm.salesforce.contactFields.Email: must be");
    }

    private void start(SalesforceSettings settings) {
        OutboxSettings outbox = new OutboxSettings(Optional.empty(), "", 8, Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ofMillis(20), TIMEOUT);
        underTest = new OutboxDrainer(vertx, store, new Outbox(), new RecordingDevices(), outbox,
                new SimpleMeterRegistry(), Clock.systemUTC());
        WebClient http = WebClient.create(vertx);
        underTest.connect(CrmFeed.SALESFORCE, new SalesforceUpsert(http, settings,
                new ClientCredentials(http, settings, TIMEOUT, Clock.systemUTC()), TIMEOUT));
        underTest.start();
    }
}
