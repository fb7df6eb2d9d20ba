package dev.waymark.cloud.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiContractIT {

    private static final String DECISION = """
            {"identifiers": [{"namespace": "cookie", "id": "tok:9f2c"}], "channel": "web", "placement": "home",
             "context": {"page": "/shoes"}}""";

    @TempDir
    static Path dir;
    static ContractServer underTest;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        underTest = new ContractServer(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        List<String> blocked = underTest.blockedWarnings;
        underTest.close();
        assertThat(blocked).as("blocked event loop warnings").isEmpty();
    }

    @Test
    void decide_validBody_reachesTheHandlerPastThePartsOwnSmallerBodyHandler() throws Exception {
        HttpResponse<String> response = post("/v1/decisions", DECISION, "decide");

        assertThat(DECISION.length()).isGreaterThan((int) ContractServer.PART_BODY_LIMIT);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject answer = new JsonObject(response.body());
        assertThat(answer.getBoolean("reached")).isTrue();
        assertThat(answer.getJsonObject("body").getString("placement")).isEqualTo("home");
    }

    @Test
    void decide_missingRequiredField_refused400NamingIt() throws Exception {
        HttpResponse<String> response = post("/v1/decisions", "{\"channel\": \"web\"}", "decide");

        assertRefused(response, 400, "placement");
    }

    @Test
    void decide_wrongTypeDeepInside_refused400NamingItsPath() throws Exception {
        HttpResponse<String> response = post("/v1/decisions", """
                {"identifiers": [{"namespace": "cookie", "id": "a"}, {"namespace": 5, "id": "b"}],
                 "channel": "web", "placement": "home"}""", "decide");

        assertRefused(response, 400, "identifiers[1].namespace");
    }

    @Test
    void decide_unknownFieldOrValue_refused400NamingIt() throws Exception {
        assertRefused(post("/v1/decisions", "{\"channel\": \"web\", \"placement\": \"home\", \"colour\": 1}", "decide"),
                400, "colour");
        assertRefused(post("/v1/decisions", "{\"channel\": \"fax\", \"placement\": \"home\"}", "decide"),
                400, "channel");
        assertRefused(post("/v1/decisions", "{\"channel\": \"web\", \"placement\": \"" + "p".repeat(201) + "\"}",
                "decide"), 400, "placement");
    }

    @Test
    void decide_malformedOrNotJson_refused400OnTheBodyOrContentType() throws Exception {
        assertRefused(post("/v1/decisions", "{\"channel\": ", "decide"), 400, "body");
        assertRefused(post("/v1/decisions", "[1, 2]", "decide"), 400, "body");
        assertRefused(post("/v1/decisions", "", "decide"), 400, "body");
        HttpResponse<String> plain = send(HttpRequest.newBuilder(uri("/v1/decisions"))
                .header("Content-Type", "text/plain").header(HeaderGuard.HEADER, "decide")
                .POST(HttpRequest.BodyPublishers.ofString(DECISION)));
        assertRefused(plain, 400, "Content-Type");
    }

    @Test
    void decide_bodyOverTheOperationsLimit_refused413NamingTheBody() throws Exception {
        String big = "{\"channel\": \"web\", \"placement\": \"home\", \"context\": {\"pad\": \""
                + "x".repeat(300 * 1024) + "\"}}";

        assertRefused(post("/v1/decisions", big, "decide"), 413, "body");
    }

    @Test
    void hostileBodies_refusedWithAClearErrorAndTheServerKeepsServing() throws Exception {
        String deep = "{\"channel\": \"web\", \"placement\": \"home\", \"context\": {\"a\": "
                + "[".repeat(5000) + "]".repeat(5000) + "}}";
        assertThat(post("/v1/decisions", deep, "decide").statusCode()).isIn(200, 400);
        assertRefused(post("/v1/decisions", "{\"channel\": \"web\", \"channel\": 7, \"placement\": \"h\"}",
                "decide"), 400, "channel");
        assertRefused(post("/v1/decisions", "\u0000\u00ff{", "decide"), 400, "body");

        assertThat(post("/v1/decisions", DECISION, "decide").statusCode()).isEqualTo(200);
    }

    @Test
    void searchDecisions_parameterOfWrongTypeOrRange_refused400NamingIt() throws Exception {
        assertRefused(get("/v1/decisions?limit=many"), 400, "limit");
        assertRefused(get("/v1/decisions?limit=0"), 400, "limit");
        HttpResponse<String> valid = get("/v1/decisions?limit=20&store=s-1");
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(valid.body()).getJsonObject("query").getString("limit")).isEqualTo("20");
    }

    @Test
    void recordConsent_pathAndBodyChecked_enumRefusedNamingTheField() throws Exception {
        String statement = "{\"purpose\": \"marketing\", \"channel\": \"email\", \"state\": \"granted\", "
                + "\"source\": \"web-preferences\"}";
        assertThat(post("/v1/profiles/email/tok:abc/consents", statement, "consent").statusCode()).isEqualTo(200);
        assertRefused(post("/v1/profiles/email/tok:abc/consents", statement.replace("granted", "maybe"), "consent"),
                400, "state");
    }

    @Test
    void undescribedPathOrMethodUnderV1_answers404() throws Exception {
        assertRefused(get("/v1/nothing-here"), 404, null);
        assertRefused(send(HttpRequest.newBuilder(uri("/v1/kpis")).header(HeaderGuard.HEADER, "read")
                .DELETE()), 404, null);
    }

    @Test
    void pathsOutsideV1_passUntouched() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getString("status")).isEqualTo("UP");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void validRequest_stillMeetsThePartsGuard() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/kpis")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(get("/v1/kpis/").statusCode()).isEqualTo(200);
    }

    @Test
    void collector_validSegmentCallWithExtraFields_keepsSegmentsAnswer() throws Exception {
        HttpResponse<String> response = collect("/v1/track", """
                {"userId": "crm-42", "event": "Product Viewed", "properties": {"sku": "A-1"},
                 "context": {"library": {"name": "analytics.js"}}, "integrations": {"All": true},
                 "_metadata": {"bundled": []}, "messageId": "m-1", "timestamp": "2026-03-01T10:00:00Z"}""",
                ContractServer.WRITE_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getBoolean("success")).isTrue();
    }

    @Test
    void collector_refusals_keepSegmentsStatusesAndShape() throws Exception {
        JsonObject invalid = new JsonObject(collect("/v1/track", "{\"userId\": \"u\"}", ContractServer.WRITE_KEY)
                .body());
        assertThat(invalid.getBoolean("success")).isFalse();
        assertThat(invalid.getString("field")).isEqualTo("event");
        assertThat(collect("/v1/track", "{\"event\": 5}", "wk_unknown").statusCode()).isEqualTo(401);
        HttpResponse<String> oversize = collect("/v1/track", "{\"userId\": \"u\", \"event\": \"e\", \"p\": \""
                + "x".repeat(40 * 1024) + "\"}", ContractServer.WRITE_KEY);
        assertThat(oversize.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(oversize.body()).getBoolean("success")).isFalse();
    }

    @Test
    void collector_corsPreflight_isAnsweredByTheCollector() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/batch"))
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isBetween(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject error = new JsonObject(response.body());
        assertThat(error.getString("error")).isNotBlank();
        assertThat(error.getString("message")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(error.getString("field")).isEqualTo(field);
        }
    }

    private HttpResponse<String> post(String path, String json, String scopes) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header(HeaderGuard.HEADER, scopes).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header(HeaderGuard.HEADER, "read").GET());
    }

    private HttpResponse<String> collect(String path, String json, String writeKey) throws Exception {
        String basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + underTest.port() + path);
    }
}
