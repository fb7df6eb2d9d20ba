package dev.waymark.cloud.internal.accounts;

import static dev.waymark.cloud.internal.accounts.AccountsFixture.PASSWORD;
import static dev.waymark.cloud.internal.accounts.AccountsFixture.await;
import static dev.waymark.cloud.internal.accounts.AccountsServer.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountRoutesIT {

    @TempDir
    Path dir;
    AccountsServer server;
    String adminKey;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void start() throws Exception {
        server = new AccountsServer(storeUrl());
        Accounts accounts = server.fixture.accounts;
        await(accounts.createUser("root", PASSWORD, Role.ADMIN, Set.of()));
        await(accounts.createUser("sam", PASSWORD, Role.STORE_MANAGER, Set.of("s-1")));
        Caller root = new Caller("root", Set.of(Scope.values()), Caller.ALL_STORES);
        adminKey = await(accounts.keys().create(new KeyRequest(KeyKind.SECRET, Set.of(Scope.values()), Set.of(),
                "ops"), root)).secret();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void users_createListDisable_overASessionWithCsrf() {
        HttpResponse<Buffer> signIn = server.signIn("root", PASSWORD);
        String cookie = sessionCookie(signIn);
        String csrf = signIn.bodyAsJsonObject().getString("csrfToken");
        JsonObject tech = new JsonObject().put("name", "fey").put("password", PASSWORD).put("role", "field_tech")
                .put("stores", new JsonArray().add("s-2").add("s-1"));

        HttpResponse<Buffer> created = await(session(HttpMethod.POST, "/v1/users", cookie, csrf).sendJsonObject(tech));
        HttpResponse<Buffer> again = await(session(HttpMethod.POST, "/v1/users", cookie, csrf).sendJsonObject(tech));
        HttpResponse<Buffer> disabled = await(session(HttpMethod.PATCH, "/v1/users/fey", cookie, csrf)
                .sendJsonObject(new JsonObject().put("disabled", true)));
        HttpResponse<Buffer> list = await(session(HttpMethod.GET, "/v1/users", cookie, csrf).send());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getJsonArray("stores").getList()).containsExactly("s-1", "s-2");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(disabled.bodyAsJsonObject().getBoolean("disabled")).isTrue();
        assertThat(list.bodyAsString()).doesNotContain("argon2", PASSWORD);
        assertThat(list.bodyAsJsonObject().getJsonArray("users").size()).isEqualTo(3);
    }

    @Test
    void users_badInput_isRefusedNamingTheField() {
        assertField(bearer(HttpMethod.POST, "/v1/users").sendBuffer(Buffer.buffer("{}")), 400, "Content-Type");
        assertField(json(HttpMethod.POST, "/v1/users", "{\"name\":"), 400, "body");
        assertField(json(HttpMethod.POST, "/v1/users", "[1,2]"), 400, "body");
        assertField(json(HttpMethod.POST, "/v1/users", "{\"name\":\"tom\",\"admin\":true}"), 400, "admin");
        assertField(json(HttpMethod.POST, "/v1/users", user("tom", "king", "[]")), 400, "role");
        assertField(json(HttpMethod.POST, "/v1/users", user("../etc", "admin", "[]")), 400, "name");
        assertField(json(HttpMethod.POST, "/v1/users", user("tom", "store_manager", "\"s-1\"")), 400, "stores");
        assertField(json(HttpMethod.POST, "/v1/users", user("tom", "store_manager", "[7]")), 400, "stores[0]");
        assertField(json(HttpMethod.POST, "/v1/users", "{\"pad\":\"" + "x".repeat(70_000) + "\"}"), 413, "body");
        assertField(json(HttpMethod.PATCH, "/v1/users/sam", "{}"), 400, "body");
        assertField(json(HttpMethod.PATCH, "/v1/users/sam", "{\"disabled\":\"yes\"}"), 400, "disabled");
        assertThat(await(json(HttpMethod.PATCH, "/v1/users/ghost", "{\"disabled\":true}")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void users_storeManager_isForbidden() {
        String cookie = sessionCookie(server.signIn("sam", PASSWORD));

        HttpResponse<Buffer> response = await(session(HttpMethod.GET, "/v1/users", cookie, "").send());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void apiKeys_secretShownOnceNeverListedAndRevocable() {
        HttpResponse<Buffer> created = await(json(HttpMethod.POST, "/v1/api-keys",
                "{\"kind\":\"secret\",\"scopes\":[\"read\"],\"stores\":[\"s-1\"],\"label\":\"BI export\"}"));
        String secret = created.bodyAsJsonObject().getString("secret");
        String id = created.bodyAsJsonObject().getString("id");

        HttpResponse<Buffer> list = await(bearer(HttpMethod.GET, "/v1/api-keys").send());
        HttpResponse<Buffer> probe = await(server.request(HttpMethod.GET, "/t/read")
                .putHeader("Authorization", "Bearer " + secret).send());
        HttpResponse<Buffer> revoked = await(bearer(HttpMethod.DELETE, "/v1/api-keys/" + id).send());
        HttpResponse<Buffer> after = await(server.request(HttpMethod.GET, "/t/read")
                .putHeader("Authorization", "Bearer " + secret).send());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(secret).startsWith("wm_sk_");
        assertThat(list.bodyAsString()).contains(id).doesNotContain(secret.substring(6));
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(await(bearer(HttpMethod.DELETE, "/v1/api-keys/key_nope").send()).statusCode()).isEqualTo(404);
        assertField(json(HttpMethod.POST, "/v1/api-keys", "{\"kind\":\"gold\",\"label\":\"x\"}"), 400, "kind");
        assertField(json(HttpMethod.POST, "/v1/api-keys", "{\"kind\":\"secret\",\"scopes\":[\"root\"],"
                + "\"label\":\"x\"}"), 400, "scopes[0]");
    }

    @Test
    void session_signInAnswers_revealNothingAndNeedFields() {
        HttpResponse<Buffer> wrong = await(server.request(HttpMethod.POST, "/v1/session")
                .sendJsonObject(new JsonObject().put("name", "root").put("password", "not the password")));
        HttpResponse<Buffer> unknown = await(server.request(HttpMethod.POST, "/v1/session")
                .sendJsonObject(new JsonObject().put("name", "nobody").put("password", "not the password")));
        HttpResponse<Buffer> current = await(server.request(HttpMethod.GET, "/v1/session").send());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.bodyAsString()).isEqualTo(wrong.bodyAsString());
        assertThat(wrong.cookies()).isEmpty();
        assertThat(current.statusCode()).isEqualTo(401);
        assertField(server.request(HttpMethod.POST, "/v1/session")
                .sendJsonObject(new JsonObject().put("password", PASSWORD)), 400, "name");
    }

    @Test
    void session_get_returnsTheUserAndCsrfToken() {
        HttpResponse<Buffer> signIn = server.signIn("sam", PASSWORD);

        JsonObject current = await(session(HttpMethod.GET, "/v1/session", sessionCookie(signIn), "").send())
                .bodyAsJsonObject();

        assertThat(current.getString("user")).isEqualTo("sam");
        assertThat(current.getString("role")).isEqualTo("store_manager");
        assertThat(current.getJsonArray("stores").getList()).containsExactly("s-1");
        assertThat(current.getString("csrfToken")).isEqualTo(signIn.bodyAsJsonObject().getString("csrfToken"));
    }

    private static String user(String name, String role, String stores) {
        return "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role
                + "\",\"stores\":" + stores + "}";
    }

    private HttpRequest<Buffer> bearer(HttpMethod method, String path) {
        return server.request(method, path).putHeader("Authorization", "Bearer " + adminKey);
    }

    private io.vertx.core.Future<HttpResponse<Buffer>> json(HttpMethod method, String path, String body) {
        return bearer(method, path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
    }

    private HttpRequest<Buffer> session(HttpMethod method, String path, String cookie, String csrf) {
        return server.request(method, path).putHeader("Cookie", SessionCookie.NAME + "=" + cookie)
                .putHeader("X-CSRF-Token", csrf);
    }

    private static void assertField(io.vertx.core.Future<HttpResponse<Buffer>> future, int status, String field) {
        HttpResponse<Buffer> response = await(future);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo(field);
    }
}
