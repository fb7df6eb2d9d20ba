package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.internal.decision.outbox.WebhookSignature;
import dev.waymark.cloud.testing.RunningCloud;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole cloud with the CRM sync on, against a real HTTP server standing in for the CRM: web events become
 * signed CRM messages, and the CRM's inbound webhook sets traits and opens a service case that suppresses sales.
 */
class CrmCloudIT {

    private static final String OUT_SECRET = "0123456789abcdef-crm-out";
    private static final String IN_SECRET = "0123456789abcdef-crm-in";

    @TempDir
    static Path dir;
    static Vertx vertx;
    static HttpServer crm;
    static RunningCloud running;
    static ApiClient api;
    static final List<JsonObject> received = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        WebhookSignature verifier = new WebhookSignature(OUT_SECRET);
        crm = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            long timestamp = Long.parseLong(request.getHeader(WebhookSignature.TIMESTAMP));
            if (!verifier.verify(timestamp, body.toString(), request.getHeader(WebhookSignature.SIGNATURE))) {
                request.response().setStatusCode(401).end();
                return;
            }
            received.add(new JsonObject(body.toString()));
            request.response().setStatusCode(204).end();
        })).listen(0).await(10, TimeUnit.SECONDS);
        running = RunningCloud.start(dir.resolve("cloud"), new JsonObject()
                .put("crm", new JsonObject().put("inboundSecret", IN_SECRET).put("webhook", new JsonObject()
                        .put("url", "http://localhost:" + crm.actualPort() + "/crm").put("secret", OUT_SECRET)))
                .put("outbox", new JsonObject().put("pollMs", 50)));
        api = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (running != null) {
            running.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void crmCaseOpened_suppressesSalesForTheContact_andClosingItCompletesTheServiceJourney() throws Exception {
        assertThat(segment("/v1/track", new JsonObject().put("anonymousId", "anon-crm-1").put("userId", "C-1001")
                .put("messageId", "m-cart-1").put("event", "Product Added").put("properties", new JsonObject()
                        .put("sku", "SKU-9").put("category", "shoes").put("price", 60).put("quantity", 1))))
                .isEqualTo(200);
        String crmId = await().atMost(Duration.ofSeconds(30)).until(() -> crmIdentifier("anon-crm-1"),
                id -> id != null);
        assertThat(crmId).as("the collector keeps only a token").startsWith("tok:").doesNotContain("1001");
        assertThat(api.send("POST", "/v1/profiles/cookie/anon-crm-1/consents", new JsonObject()
                .put("purpose", "marketing").put("channel", "web").put("state", "granted")
                .put("source", "web-preferences").encode(), Credential.SECRET_KEY).status()).isEqualTo(201);
        assertThat(bannerDecision().getJsonArray("actions").encode()).contains("web-cart-banner");

        JsonObject opened = inbound(new JsonObject().put("id", "evt-1").put("contact", contact(crmId))
                .put("traits", new JsonObject().put("tier", "gold").put("contractEndDate", "2027-03-31"))
                .put("case", new JsonObject().put("id", "case-7").put("topic", "complaint").put("status", "open")));

        assertThat(opened.getString("case")).isEqualTo("opened");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(profile().getJsonObject("journey")
                .getJsonArray("serviceJourneys").encode()).contains("complaint"));
        assertThat(profile().getJsonObject("traits")).isEqualTo(new JsonObject().put("contractEndDate", "2027-03-31")
                .put("tier", "gold"));
        JsonObject suppressed = bannerDecision();
        assertThat(suppressed.getJsonArray("actions")).isEmpty();
        JsonObject explained = api.send("GET", suppressed.getString("explanationUrl"), null, Credential.SECRET_KEY)
                .json();
        assertThat(explained.getJsonObject("explanation").getJsonArray("candidates").encode())
                .contains("\"removedAt\":\"suppression\"", "openServiceJourney");
        assertThat(inbound(new JsonObject().put("id", "evt-1").put("contact", contact(crmId))
                .put("traits", new JsonObject().put("tier", "bronze"))).getBoolean("duplicate")).isTrue();

        inbound(new JsonObject().put("id", "evt-2").put("contact", contact(crmId))
                .put("case", new JsonObject().put("id", "case-7").put("topic", "complaint").put("status", "closed")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(profile().getJsonObject("journey")
                .getJsonArray("serviceJourneys")).isEmpty());
        assertThat(profile().getJsonObject("traits").getString("tier")).as("the repeat changed nothing")
                .isEqualTo("gold");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received)
                .extracting(message -> message.getString("type"))
                .contains("profile.linked", "profile.consent", "decision", "journey.completed"));
        String profileId = opened.getString("profileId");
        assertThat(received).allMatch(message -> message.getString("profileId").equals(profileId));
        assertThat(received.toString()).doesNotContain("C-1001");
        JsonObject linked = received.stream().filter(m -> m.getString("type").equals("profile.linked")).findFirst()
                .orElseThrow();
        assertThat(linked.getJsonObject("data").getJsonArray("identifiers").encode()).contains(crmId)
                .doesNotContain("anon-crm-1");
        JsonObject completed = received.stream().filter(m -> m.getString("type").equals("journey.completed"))
                .findFirst().orElseThrow();
        assertThat(completed.getJsonObject("data").getString("journey")).isEqualTo("service");
    }

    @Test
    void inbound_badSignatureStaleTimestampOrUnknownTrait_isRefusedNamingWhatIsWrong() throws Exception {
        String body = new JsonObject().put("id", "evt-x").put("contact", contact("tok:nobody"))
                .put("traits", new JsonObject().put("tier", "gold")).encode();
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> forged = post(body, now, new WebhookSignature("not-the-secret-at-all").sign(now, body));
        HttpResponse<String> stale = post(body, now - 3600, new WebhookSignature(IN_SECRET).sign(now - 3600, body));
        String unknownTrait = new JsonObject().put("id", "evt-y").put("contact", contact("tok:nobody"))
                .put("traits", new JsonObject().put("email", "x")).encode();
        HttpResponse<String> trait = post(unknownTrait, now, new WebhookSignature(IN_SECRET).sign(now, unknownTrait));
        HttpResponse<String> unknown = post(body, now, new WebhookSignature(IN_SECRET).sign(now, body));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(forged.body()).getString("message")).contains(WebhookSignature.SIGNATURE);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(stale.body()).getString("message")).contains("replay window");
        assertThat(trait.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(trait.body()).getString("field")).isEqualTo("traits.email");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("field")).isEqualTo("contact");
    }

    @Test
    void statusAndDeadLetters_needTheAdminScopeAndShowTheWebhookConnector() {
        ApiClient.Answer status = api.send("GET", "/v1/crm/status", null, Credential.SECRET_KEY);
        ApiClient.Answer letters = api.send("GET", "/v1/crm/dead-letters?limit=5", null, Credential.SECRET_KEY);
        ApiClient.Answer badLimit = api.send("GET", "/v1/crm/dead-letters?limit=0", null, Credential.SECRET_KEY);
        ApiClient.Answer noSuch = api.send("POST", "/v1/crm/dead-letters/01ABC/replay", null, Credential.SECRET_KEY);
        ApiClient.Answer anonymous = api.send("GET", "/v1/crm/status", null, Credential.NONE);

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().getJsonArray("connectors")).singleElement()
                .satisfies(c -> assertThat(((JsonObject) c).getString("kind")).isEqualTo("crm.webhook"));
        assertThat(status.json().getBoolean("inbound")).isTrue();
        assertThat(letters.status()).isEqualTo(200);
        assertThat(letters.json().getJsonArray("deadLetters")).isEqualTo(new JsonArray());
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().getString("field")).isEqualTo("limit");
        assertThat(noSuch.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static JsonObject contact(String crmId) {
        return new JsonObject().put("namespace", "crm").put("id", crmId);
    }

    private static JsonObject inbound(JsonObject change) throws Exception {
        String body = change.encode();
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = post(body, now, new WebhookSignature(IN_SECRET).sign(now, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static HttpResponse<String> post(String body, long timestamp, String signature)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.cloud().httpPort()
                + "/v1/crm/inbound")).header("content-type", "application/json")
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String crmIdentifier(String cookie) {
        ApiClient.Answer profile = api.send("GET", "/v1/profiles/cookie/" + cookie, null, Credential.SECRET_KEY);
        if (profile.status() != 200) {
            return null;
        }
        for (Object item : profile.json().getJsonArray("identities")) {
            JsonObject identity = (JsonObject) item;
            if (identity.getString("namespace").equals("crm")) {
                return identity.getString("value");
            }
        }
        return null;
    }

    private static JsonObject profile() {
        return api.send("GET", "/v1/profiles/cookie/anon-crm-1", null, Credential.SECRET_KEY).json();
    }

    private static JsonObject bannerDecision() {
        ApiClient.Answer answer = api.send("POST", "/v1/decisions", new JsonObject().put("identifiers",
                new JsonArray().add(new JsonObject().put("namespace", "cookie").put("id", "anon-crm-1")))
                .put("channel", "web").put("placement", "web-banner").encode(), Credential.SECRET_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static int segment(String path, JsonObject call) {
        return api.send("POST", path, call.encode(), Credential.WRITE_KEY).status();
    }
}
