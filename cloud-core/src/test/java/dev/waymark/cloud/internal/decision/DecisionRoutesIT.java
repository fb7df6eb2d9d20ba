package dev.waymark.cloud.internal.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionRoutesIT {

    private static final String DECIDER = "web-key;decide;*";
    private static final String READER = "ops;read;*";

    @TempDir
    Path dir;
    DecisionFixture fixture;
    WebClient underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new DecisionFixture(storeUrl(), Optional.empty());
        fixture.decisions.start().await(10, TimeUnit.SECONDS);
        underTest = fixture.serve();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void postDecision_knownIdentifier_answersRankedActionsAndRecordsTheDecision() throws Exception {
        JsonObject answer = post("/v1/decisions", webAsk("tok:abc")).bodyAsJsonObject();

        assertThat(answer.getString("decisionId")).isNotBlank();
        assertThat(answer.getJsonArray("actions")).singleElement().satisfies(action -> {
            JsonObject json = (JsonObject) action;
            assertThat(json.getString("actionId")).isEqualTo("web-cart-banner");
            assertThat(json.getString("title")).isEqualTo("Your cart is waiting");
            assertThat(json.getString("expiresAt")).isNotBlank();
        });
        assertThat(answer.getString("explanationUrl")).isEqualTo("/v1/decisions/" + answer.getString("decisionId"));
        JsonObject recorded = get("/v1/decisions/" + answer.getString("decisionId"), READER).bodyAsJsonObject();
        assertThat(recorded.getString("profileId")).isEqualTo("p-tok:abc");
        assertThat(recorded.getString("status")).isEqualTo("answered");
        assertThat(recorded.getJsonObject("explanation").getJsonArray("candidates")).isNotEmpty();
        assertThat(fixture.rows("contacts")).isEqualTo(1);
    }

    @Test
    void postDecision_badInput_answers400NamingTheFieldAndUnknownProfile404() throws Exception {
        assertThat(field(post("/v1/decisions", new JsonObject().put("channel", "web").put("placement", "x"))))
                .isEqualTo("identifiers");
        assertThat(field(post("/v1/decisions", webAsk("t").put("channel", "fax")))).isEqualTo("channel");
        assertThat(field(post("/v1/decisions", webAsk("t").put("context", "nope")))).isEqualTo("context");
        assertThat(field(post("/v1/decisions", webAsk("t").put("identifiers", new JsonArray().add(
                new JsonObject().put("namespace", "loyalty")))))).isEqualTo("identifiers[0].id");
        assertThat(field(post("/v1/decisions", webAsk("t").put("context", new JsonObject().put("x", (Object) null)))))
                .isEqualTo("context.x");
        assertThat(field(post("/v1/decisions", webAsk("t").put("journey", new JsonObject())))).isEqualTo("journey");
        HttpResponse<Buffer> unknown = post("/v1/decisions", new JsonObject().put("identifiers", new JsonArray()
                .add(new JsonObject().put("namespace", "cookie").put("id", "c1"))).put("channel", "web")
                .put("placement", "web-banner"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<Buffer> oversize = underTest.post("/v1/decisions").putHeader(TestGuard.HEADER, DECIDER)
                .sendBuffer(Buffer.buffer("x".repeat(300 * 1024))).await(10, TimeUnit.SECONDS);
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(fixture.rows("decisions")).isZero();
    }

    @Test
    void simulate_withProposedCatalog_returnsTheExplanationAndRecordsNothing() throws Exception {
        post("/v1/decisions", webAsk("tok:abc"));
        long decisions = fixture.rows("decisions");
        long contacts = fixture.rows("contacts");
        long arms = fixture.rows("model_arms");

        JsonObject proposed = new JsonObject().put("actions", new JsonArray().add(new JsonObject()
                .put("id", "vip-web").put("category", "sales").put("channels", new JsonArray().add("web"))
                .put("placements", new JsonArray().add("web-banner")).put("eligibility", "profile.tier == 'gold'")));
        JsonObject answer = post("/v1/decisions/simulate", webAsk("tok:abc")
                .put("profile", new JsonObject().put("tier", "gold")).put("catalog", proposed)).bodyAsJsonObject();
        JsonObject current = post("/v1/decisions/simulate", webAsk("tok:abc")
                .put("journey", new JsonObject().put("cartItems", 1))).bodyAsJsonObject();

        assertThat(answer.getBoolean("simulated")).isTrue();
        assertThat(answer.getJsonArray("chosen")).containsExactly("vip-web");
        assertThat(current.getJsonObject("explanation").getJsonArray("candidates").getJsonObject(0)
                .getString("removedAt")).isEqualTo("contact_policy");
        assertThat(fixture.rows("decisions")).isEqualTo(decisions);
        assertThat(fixture.rows("contacts")).isEqualTo(contacts);
        assertThat(fixture.rows("model_arms")).isEqualTo(arms);
        HttpResponse<Buffer> broken = post("/v1/decisions/simulate", webAsk("tok:abc").put("catalog",
                new JsonObject().put("policies", new JsonObject().put("caps", "many"))));
        assertThat(field(broken)).isEqualTo("policies.caps");
    }

    @Test
    void search_filtersByProfileDeviceAndTimeAndScopesStores() throws Exception {
        post("/v1/decisions", webAsk("a"));
        post("/v1/decisions", webAsk("b"));
        post("/v1/decisions", webAsk("b").put("store", "store-1").put("channel", "kiosk")
                .put("placement", "kiosk-offer"));

        assertThat(search("?profile=p-b", READER)).hasSize(2);
        assertThat(search("?profile=p-b&limit=1", READER)).hasSize(1);
        assertThat(search("?from=2999-01-01T00:00:00Z", READER)).isEmpty();
        assertThat(search("?device=kiosk-9", READER)).isEmpty();
        assertThat(search("", "manager;read;store-1")).singleElement()
                .satisfies(row -> assertThat(((JsonObject) row).getString("store")).isEqualTo("store-1"));
        HttpResponse<Buffer> other = underTest.get("/v1/decisions?store=web").putHeader(TestGuard.HEADER,
                "manager;read;store-1").send().await(10, TimeUnit.SECONDS);
        assertThat(other.statusCode()).isEqualTo(403);
        String webDecision = search("?store=web", READER).getJsonObject(0).getString("decisionId");
        assertThat(get("/v1/decisions/" + webDecision, "manager;read;store-1").statusCode()).isEqualTo(403);
        assertThat(field(get("/v1/decisions?limit=abc", READER))).isEqualTo("limit");
        assertThat(field(get("/v1/decisions?from=yesterday", READER))).isEqualTo("from");
    }

    private static JsonObject webAsk(String loyalty) {
        return new JsonObject().put("identifiers", new JsonArray().add(new JsonObject().put("namespace", "loyalty")
                .put("id", loyalty))).put("channel", "web").put("placement", "web-banner")
                .put("context", new JsonObject().put("page", "/cart"));
    }

    private JsonArray search(String query, String caller) throws Exception {
        return get("/v1/decisions" + query, caller).bodyAsJsonObject().getJsonArray("decisions");
    }

    private static String field(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return response.bodyAsJsonObject().getString("field");
    }

    private HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
        return underTest.post(path).putHeader(TestGuard.HEADER, DECIDER).sendBuffer(Buffer.buffer(body.encode()))
                .await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path, String caller) throws Exception {
        return underTest.get(path).putHeader(TestGuard.HEADER, caller).send().await(10, TimeUnit.SECONDS);
    }
}
