package dev.waymark.cloud.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.cloud.internal.identity.IdentityGraph;
import dev.waymark.cloud.internal.identity.Namespaces;
import dev.waymark.cloud.internal.identity.TestStore;
import dev.waymark.cloud.internal.profile.ApiServer;
import dev.waymark.cloud.internal.profile.HeaderGuard;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentRoutesIT {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String URI = "/v1/profiles/crm/tok:K/consents";

    @TempDir
    Path dir;
    TestStore db;
    ApiServer api;
    String profileId;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void start() throws Exception {
        db = new TestStore(storeUrl());
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
        ConsentLedgerBook book = new ConsentLedgerBook(ids, Clock.systemUTC());
        ConsentRoutes underTest = new ConsentRoutes(db.store, new HeaderGuard(), Namespaces.defaults(), book,
                Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiServer(db.vertx, underTest::mount);
        IdentityGraph graph = new IdentityGraph(Namespaces.defaults(), ids);
        profileId = db.write(c -> graph.resolve(c, List.of(new Identifier("crm", "tok:K")), "e1", NOW)).profileId();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        db.close();
    }

    private HttpResponse<Buffer> post(String body) throws Exception {
        return api.post(URI, "consent", body);
    }

    private static JsonObject cell(JsonObject effective, String purpose, String channel) {
        return effective.getJsonObject(purpose).getJsonObject(channel);
    }

    @Test
    void post_grant_appendsARecordAndAnswersTheNewEffectiveConsent() throws Exception {
        var response = post("{\"purpose\":\"marketing\",\"channel\":\"email\",\"state\":\"granted\","
                + "\"source\":\"call-center\",\"evidence\":\"ticket 81\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("profileId")).isEqualTo(profileId);
        assertThat(body.getJsonObject("record").getString("at")).isEqualTo(NOW.toString());
        assertThat(cell(body.getJsonObject("effective"), "marketing", "email").getString("status"))
                .isEqualTo("granted");
        assertThat(cell(body.getJsonObject("effective"), "marketing", "sms").getBoolean("permitted")).isFalse();
    }

    @Test
    void get_afterGrantThenWithdrawal_showsWithdrawnAndTheWholeHistory() throws Exception {
        post("{\"purpose\":\"analytics\",\"channel\":\"all\",\"state\":\"granted\",\"source\":\"web-form\"}");
        post("{\"purpose\":\"analytics\",\"channel\":\"web\",\"state\":\"withdrawn\",\"source\":\"web-form\"}");

        var response = api.get(URI, "consent");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(cell(body.getJsonObject("effective"), "analytics", "web").getString("status"))
                .isEqualTo("withdrawn");
        assertThat(cell(body.getJsonObject("effective"), "analytics", "kiosk").getBoolean("permitted")).isTrue();
        assertThat(body.getJsonArray("history")).hasSize(2);
        assertThat(body.getJsonArray("history").getJsonObject(0).getJsonArray("channels")).hasSize(6);
    }

    @Test
    void post_badFields_is400NamingEachField() throws Exception {
        assertField(post("{\"purpose\":\"telepathy\",\"channel\":\"email\",\"state\":\"granted\",\"source\":\"x\"}"),
                "purpose");
        assertField(post("{\"purpose\":\"marketing\",\"channel\":\"fax\",\"state\":\"granted\",\"source\":\"x\"}"),
                "channel");
        assertField(post("{\"purpose\":\"marketing\",\"channel\":\"email\",\"state\":\"maybe\",\"source\":\"x\"}"),
                "state");
        assertField(post("{\"purpose\":\"marketing\",\"channel\":\"email\",\"state\":\"granted\"}"), "source");
        assertField(post("{\"purpose\":\"marketing\",\"channel\":\"email\",\"state\":\"granted\",\"source\":\"x\","
                + "\"evidence\":7}"), "evidence");
        assertField(post("{\"purpose\":1,\"channel\":\"email\",\"state\":\"granted\",\"source\":\"x\"}"), "purpose");
        assertField(post("{\"purpose\":\"marketing\",\"channel\":\"email\",\"state\":\"granted\",\"source\":\"x\","
                + "\"admin\":true}"), "admin");
        assertField(post("{not json"), "body");
        assertField(post("[1,2]"), "body");
        assertThat(api.get(URI, "consent").bodyAsJsonObject().getJsonArray("history")).isEmpty();
    }

    @Test
    void post_oversizeBody_is413NamingTheBody() throws Exception {
        var response = post("{\"evidence\":\"" + "x".repeat((int) ConsentRoutes.MAX_BODY_BYTES) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("body");
    }

    @Test
    void postAndGet_unknownProfile_is404() throws Exception {
        String grant = "{\"purpose\":\"marketing\",\"channel\":\"email\",\"state\":\"granted\",\"source\":\"x\"}";

        assertThat(api.post("/v1/profiles/crm/tok:none/consents", "consent", grant).statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/profiles/crm/tok:none/consents", "consent").statusCode()).isEqualTo(404);
    }

    @Test
    void post_withoutConsentScope_is403AndChangesNothing() throws Exception {
        var response = api.post(URI, "read", "{\"purpose\":\"marketing\",\"channel\":\"email\","
                + "\"state\":\"granted\",\"source\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(api.get(URI, "consent").bodyAsJsonObject().getJsonArray("history")).isEmpty();
    }

    private static void assertField(HttpResponse<Buffer> response, String field) {
        assertThat(response.statusCode()).as(field).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo(field);
    }
}
