package dev.waymark.cloud.internal.accounts;

import static dev.waymark.cloud.internal.accounts.AccountsFixture.PASSWORD;
import static dev.waymark.cloud.internal.accounts.AccountsFixture.await;
import static dev.waymark.cloud.internal.accounts.AccountsServer.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.http.Caller;
import dev.waymark.cloud.internal.http.Scope;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsGuardIT {

    private static final Caller ROOT = new Caller("root", Set.of(Scope.values()), Caller.ALL_STORES);

    @TempDir
    Path dir;
    AccountsServer server;
    Accounts accounts;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void start() throws Exception {
        server = new AccountsServer(storeUrl());
        accounts = server.fixture.accounts;
        await(accounts.createUser("root", PASSWORD, Role.ADMIN, Set.of()));
        await(accounts.createUser("sam", PASSWORD, Role.STORE_MANAGER, Set.of("s-1")));
        await(accounts.createUser("fey", PASSWORD, Role.FIELD_TECH, Set.of("s-1")));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void require_noCredentials_is401WithChallenge() {
        HttpResponse<Buffer> response = await(server.request(HttpMethod.GET, "/t/read").send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo(AccountsGuard.CHALLENGE);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
    }

    @Test
    void require_malformedOrHostileAuthorization_is401() {
        for (String header : new String[] {"Basic cm9vdDpwdw==", "Bearer ", "Bearer wm_sk_" + "x".repeat(8000),
                "Bearer ' OR 1=1 --", "wm_sk_abc"}) {
            HttpResponse<Buffer> response = await(server.request(HttpMethod.GET, "/t/read")
                    .putHeader("Authorization", header).send());
            assertThat(response.statusCode()).as(header).isEqualTo(401);
        }
    }

    @Test
    void require_secretKeyWithScope_passesWithTheKeyAsCaller() {
        IssuedKey key = await(accounts.keys().create(new KeyRequest(KeyKind.SECRET, Set.of(Scope.READ),
                Set.of("s-9"), "report job"), ROOT));

        JsonObject caller = bearer(HttpMethod.GET, "/t/read", key.secret()).bodyAsJsonObject();

        assertThat(caller.getString("id")).isEqualTo(key.key().id());
        assertThat(caller.getJsonArray("stores").getList()).containsExactly("s-9");
    }

    @Test
    void require_secretKeyWithoutScope_is403() {
        IssuedKey key = await(accounts.keys().create(new KeyRequest(KeyKind.SECRET, Set.of(Scope.DECIDE), Set.of(),
                "decisions"), ROOT));

        HttpResponse<Buffer> response = bearer(HttpMethod.GET, "/t/read", key.secret());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("message")).contains("read");
    }

    @Test
    void require_revokedKey_is401() {
        IssuedKey key = await(accounts.keys().create(new KeyRequest(KeyKind.SECRET, Set.of(Scope.READ), Set.of(),
                "old"), ROOT));
        assertThat(bearer(HttpMethod.GET, "/t/read", key.secret()).statusCode()).isEqualTo(200);

        await(accounts.keys().revoke(key.key().id()));

        assertThat(bearer(HttpMethod.GET, "/t/read", key.secret()).statusCode()).isEqualTo(401);
    }

    @Test
    void require_publicKey_isRefusedExceptForTrack() {
        IssuedKey key = await(accounts.keys().create(new KeyRequest(KeyKind.PUBLIC, Set.of(), Set.of(), "web"), ROOT));

        assertThat(bearer(HttpMethod.GET, "/t/read", key.secret()).statusCode()).isEqualTo(403);
        assertThat(bearer(HttpMethod.POST, "/t/track", key.secret()).statusCode()).isEqualTo(200);
    }

    @Test
    void require_cookieSession_passesGetsAndNeedsCsrfForPosts() {
        HttpResponse<Buffer> signIn = server.signIn("sam", PASSWORD);
        String cookie = sessionCookie(signIn);
        String csrf = signIn.bodyAsJsonObject().getString("csrfToken");

        assertThat(withCookie(HttpMethod.GET, "/t/read", cookie).send().await().statusCode()).isEqualTo(200);
        HttpResponse<Buffer> noHeader = await(withCookie(HttpMethod.POST, "/t/read", cookie).sendBuffer(body()));
        HttpResponse<Buffer> wrongHeader = await(withCookie(HttpMethod.POST, "/t/read", cookie)
                .putHeader("X-CSRF-Token", csrf + "x").sendBuffer(body()));
        HttpResponse<Buffer> withHeader = await(withCookie(HttpMethod.POST, "/t/read", cookie)
                .putHeader("X-CSRF-Token", csrf).sendBuffer(body()));

        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(noHeader.bodyAsJsonObject().getString("error")).isEqualTo("csrf");
        assertThat(wrongHeader.statusCode()).isEqualTo(403);
        assertThat(withHeader.statusCode()).isEqualTo(200);
        assertThat(withHeader.bodyAsJsonObject().getString("body")).isEqualTo(body().toString());
    }

    @Test
    void require_storeManagerSession_callerHoldsOnlyItsStores() {
        String cookie = sessionCookie(server.signIn("sam", PASSWORD));

        JsonObject caller = await(withCookie(HttpMethod.GET, "/t/read", cookie).send()).bodyAsJsonObject();

        assertThat(caller.getString("id")).isEqualTo("sam");
        assertThat(caller.getJsonArray("stores").getList()).containsExactly("s-1");
    }

    @Test
    void signOut_invalidatesTheSession() {
        HttpResponse<Buffer> signIn = server.signIn("root", PASSWORD);
        String cookie = sessionCookie(signIn);

        HttpResponse<Buffer> signOut = await(withCookie(HttpMethod.DELETE, "/v1/session", cookie)
                .putHeader("X-CSRF-Token", signIn.bodyAsJsonObject().getString("csrfToken")).send());

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.cookies()).anySatisfy(c -> assertThat(c).startsWith("wm_session=;").contains("Max-Age=0"));
        assertThat(await(withCookie(HttpMethod.GET, "/t/read", cookie).send()).statusCode()).isEqualTo(401);
        assertThat(await(withCookie(HttpMethod.GET, "/v1/session", cookie).send()).statusCode()).isEqualTo(401);
    }

    @Test
    void signIn_cookieFlags_areHttpOnlyStrictAndSecureWhenConfigured() {
        String secure = server.signIn("root", PASSWORD).cookies().get(0);
        String plain = await(server.request(HttpMethod.POST, "/plain/v1/session").sendJsonObject(
                new JsonObject().put("name", "root").put("password", PASSWORD))).cookies().get(0);

        // Cookie attribute names are case-insensitive (RFC 6265 section 5.2); Netty writes "HTTPOnly".
        assertThat(attributes(secure)).contains("httponly", "samesite=strict", "path=/", "secure");
        assertThat(attributes(plain)).contains("httponly", "samesite=strict", "path=/").doesNotContain("secure");
    }

    private static Set<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Test
    void signIn_withAPlantedCookie_issuesANewIdAndEndsTheOldOne() {
        String planted = sessionCookie(server.signIn("sam", PASSWORD));

        HttpResponse<Buffer> victim = await(withCookie(HttpMethod.POST, "/v1/session", planted)
                .sendJsonObject(new JsonObject().put("name", "root").put("password", PASSWORD)));
        String fresh = sessionCookie(victim);

        assertThat(fresh).isNotEqualTo(planted);
        assertThat(await(withCookie(HttpMethod.GET, "/t/read", planted).send()).statusCode()).isEqualTo(401);
        assertThat(await(withCookie(HttpMethod.GET, "/t/read", fresh).send()).bodyAsJsonObject().getString("id"))
                .isEqualTo("root");
    }

    @Test
    void storeAccess_fieldTech_onlyOnItsOwnStores() {
        String fey = sessionCookie(server.signIn("fey", PASSWORD));
        String sam = sessionCookie(server.signIn("sam", PASSWORD));

        HttpResponse<Buffer> own = await(withCookie(HttpMethod.GET, "/t/store/s-1", fey).send());
        HttpResponse<Buffer> other = await(withCookie(HttpMethod.GET, "/t/store/s-2", fey).send());
        HttpResponse<Buffer> manager = await(withCookie(HttpMethod.GET, "/t/store/s-1", sam).send());
        HttpResponse<Buffer> nobody = await(server.request(HttpMethod.GET, "/t/store/s-1").send());

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.bodyAsJsonObject().getString("actor")).isEqualTo("fey");
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(manager.statusCode()).isEqualTo(401);
        assertThat(nobody.statusCode()).isEqualTo(401);
    }

    private HttpResponse<Buffer> bearer(HttpMethod method, String path, String key) {
        HttpRequest<Buffer> request = server.request(method, path).putHeader("Authorization", "Bearer " + key);
        return await(method == HttpMethod.GET ? request.send() : request.sendBuffer(body()));
    }

    private HttpRequest<Buffer> withCookie(HttpMethod method, String path, String sessionId) {
        return server.request(method, path).putHeader("Cookie", SessionCookie.NAME + "=" + sessionId);
    }

    private static Buffer body() {
        return Buffer.buffer("{\"events\":[1,2,3]}");
    }
}
