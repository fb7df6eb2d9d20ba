package dev.waymark.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.console.support.ConsoleClient;
import dev.waymark.console.support.ConsoleClient.Answer;
import dev.waymark.console.support.ConsoleStack;
import dev.waymark.console.support.Traffic;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over plain HTTP against a real cloud: store scope, CSRF, session fixation, cookie and headers. */
class ConsoleSecurityIT {

    @TempDir
    static Path dir;

    private static ConsoleStack stack;
    private static String storeBDecision;

    @BeforeAll
    static void start() throws Exception {
        stack = ConsoleStack.start(dir);
        storeBDecision = Traffic.decisionInStore(stack, "store-b");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void managerOfStoreA_changingIdsToStoreB_getsForbiddenForKiosksKpisDecisionsAndLive() {
        ConsoleClient managerA = stack.signIn("manager-a");

        assertThat(managerA.get("/v1/stores/store-b/devices").status()).isEqualTo(403);
        assertThat(managerA.get("/v1/kpis?store=store-b").status()).isEqualTo(403);
        assertThat(managerA.get("/v1/decisions?store=store-b").status()).isEqualTo(403);
        assertThat(managerA.get("/v1/decisions/" + storeBDecision).status()).isEqualTo(403);
        assertThat(managerA.get("/v1/live?store=store-b").status()).isEqualTo(403);
        assertThat(managerA.get("/v1/kpis?store=store-a").status()).isEqualTo(200);
        assertThat(stack.signIn("manager-b").get("/v1/decisions/" + storeBDecision).status()).isEqualTo(200);
    }

    @Test
    void managerOfStoreA_listingDecisions_seesNoneOfStoreB() {
        JsonObject listed = stack.signIn("manager-a").get("/v1/decisions?limit=500").expect(200).json();

        assertThat(listed.getJsonArray("decisions").stream().map(JsonObject.class::cast)
                .map(decision -> decision.getString("store"))).doesNotContain("store-b", "web");
    }

    @Test
    void fieldTechOfStoreA_enrollingOrListingInStoreB_isForbidden() {
        ConsoleClient techA = stack.signIn("tech-a");
        JsonObject storeB = new JsonObject().put("store", "store-b").put("role", "kiosk");

        assertThat(techA.send("POST", "/provisioning/v1/tokens", storeB).status()).isEqualTo(403);
        assertThat(techA.get("/provisioning/v1/devices?store=store-b").status()).isEqualTo(403);
        assertThat(techA.send("POST", "/provisioning/v1/tokens", storeB.copy().put("store", "store-a")).status())
                .isEqualTo(201);
        assertThat(stack.signIn("manager-a").send("POST", "/provisioning/v1/tokens",
                storeB.copy().put("store", "store-a")).status()).as("a store manager holds no devices scope")
                .isEqualTo(403);
    }

    @Test
    void enrollmentService_withoutThePinnedCa_isNeverAsked() throws Exception {
        ConsoleClient techA = ConsoleClient.anonymous(stack.otherConsole("00".repeat(32)));
        techA.signIn("tech-a", ConsoleStack.PASSWORD);

        Answer token = techA.send("POST", "/provisioning/v1/tokens",
                new JsonObject().put("store", "store-a").put("role", "kiosk"));

        assertThat(token.status()).isEqualTo(502);
        assertThat(token.body()).doesNotContain("wm1:");
    }

    @Test
    void unsafeRequests_withoutCsrfToken_areRefusedAndChangeNothing() {
        ConsoleClient admin = stack.signIn("admin");
        ConsoleClient techA = stack.signIn("tech-a");

        Answer signOut = admin.sendWithoutCsrf("DELETE", "/v1/session", null);
        Answer token = techA.sendWithoutCsrf("POST", "/provisioning/v1/tokens",
                new JsonObject().put("store", "store-a").put("role", "kiosk"));
        Answer user = admin.sendWithoutCsrf("POST", "/v1/users", new JsonObject().put("name", "intruder")
                .put("password", ConsoleStack.PASSWORD).put("role", "admin"));

        assertThat(signOut.status()).isEqualTo(403);
        assertThat(signOut.json().getString("error")).isEqualTo("csrf");
        assertThat(token.status()).isEqualTo(403);
        assertThat(user.status()).isEqualTo(403);
        assertThat(admin.get("/v1/session").status()).as("still signed in").isEqualTo(200);
        assertThat(admin.get("/v1/users").body()).doesNotContain("intruder");
    }

    @Test
    void signIn_withAPlantedSessionCookie_issuesAFreshSessionAndEndsThePlantedOne() {
        ConsoleClient attacker = stack.signIn("manager-b");
        String planted = attacker.cookie().orElseThrow();
        ConsoleClient victim = ConsoleClient.anonymous(stack.consoleUrl());
        victim.useCookie(planted);

        victim.signIn("manager-a", ConsoleStack.PASSWORD);

        assertThat(victim.cookie()).isPresent().get().isNotEqualTo(planted);
        assertThat(victim.get("/v1/session").json().getString("user")).isEqualTo("manager-a");
        assertThat(attacker.get("/v1/session").status()).isEqualTo(401);
    }

    @Test
    void sessionCookie_throughTheConsole_isHttpOnlyStrictHostOnlyAndWithoutLifetime() {
        Answer signIn = ConsoleClient.anonymous(stack.consoleUrl()).signIn("admin", ConsoleStack.PASSWORD);

        String line = signIn.sessionCookieLine().orElseThrow().toLowerCase(java.util.Locale.ROOT);
        assertThat(line).contains("; httponly").contains("; samesite=strict").contains("; path=/");
        assertThat(line).doesNotContain("domain=").doesNotContain("max-age").doesNotContain("expires");
    }

    @Test
    void signOut_endsTheSession() {
        ConsoleClient admin = stack.signIn("admin");

        assertThat(admin.send("DELETE", "/v1/session", null).status()).isEqualTo(204);

        assertThat(admin.get("/v1/session").status()).isEqualTo(401);
        assertThat(admin.get("/v1/stores").status()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswords_lockTheUser_evenForTheRightOne() {
        ConsoleClient guesser = ConsoleClient.anonymous(stack.consoleUrl());
        JsonObject wrong = new JsonObject().put("name", "marketing").put("password", "not-the-password-at-all");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(guesser.send("POST", "/v1/session", wrong).status()).isEqualTo(401);
        }

        Answer right = guesser.send("POST", "/v1/session", wrong.copy().put("password", ConsoleStack.PASSWORD));

        assertThat(right.status()).isEqualTo(401);
        assertThat(right.sessionCookieLine()).isEmpty();
    }

    @Test
    void everyAnswer_pagesApiWebJarsAndErrors_carriesTheSecurityHeaders() {
        ConsoleClient anonymous = ConsoleClient.anonymous(stack.consoleUrl());
        for (String path : new String[] {"/", "/overview.html", "/app.js", "/v1/session", "/no-such-page",
                "/webjars/chart.js/4.4.1/dist/chart.umd.js"}) {
            Answer answer = anonymous.get(path);
            assertThat(answer.header("Content-Security-Policy")).as(path).get().asString()
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(answer.header("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(path).contains("no-referrer");
        }
        assertThat(anonymous.get("/overview.html").header("Cache-Control")).contains("no-store");
        assertThat(stack.signIn("admin").get("/v1/stores").header("Cache-Control")).contains("no-store");
        assertThat(anonymous.get("/no-such-page").status()).isEqualTo(404);
    }

    @Test
    void qrImage_forSomethingOtherThanAnEnrollmentPayload_isRefusedNamingTheField() {
        Answer answer = ConsoleClient.anonymous(stack.consoleUrl()).send("POST", "/console/qr",
                new JsonObject().put("qr", "https://evil.example/"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().getString("field")).isEqualTo("qr");
        assertThat(answer.json().getString("error")).isEqualTo("invalid");
    }

    @Test
    void qrImage_withAnOversizedBody_isRefusedNamingTheBody() {
        Answer answer = ConsoleClient.anonymous(stack.consoleUrl()).send("POST", "/console/qr",
                new JsonObject().put("qr", "x".repeat(10_000)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().getString("field")).isEqualTo("body");
    }

    @Test
    void qrImage_ofAFreshToken_isAnSvgImage() {
        JsonObject grant = stack.signIn("tech-a").send("POST", "/provisioning/v1/tokens",
                new JsonObject().put("store", "store-a").put("role", "kiosk")).expect(201).json();

        Answer image = ConsoleClient.anonymous(stack.consoleUrl()).send("POST", "/console/qr",
                new JsonObject().put("qr", grant.getString("qr"))).expect(200);

        assertThat(image.header("Content-Type")).contains("image/svg+xml");
        assertThat(image.body()).startsWith("<svg").contains("<path");
    }
}
