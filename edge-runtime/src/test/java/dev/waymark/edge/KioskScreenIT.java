package dev.waymark.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.edge.support.HubStandIn;
import dev.waymark.edge.support.KioskBrowser;
import dev.waymark.edge.support.LogRecorder;
import dev.waymark.edge.support.OffsetClock;
import dev.waymark.edge.support.TestBroker;
import dev.waymark.edge.support.TestKiosk;
import dev.waymark.edge.support.TestPki;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.action.ActionKind;
import io.vertx.core.Vertx;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The reference kiosk screen in headless Chromium, against a real agent: a shopper's story, refusals, hostile text. */
class KioskScreenIT {

    static final Duration PATIENCE = Duration.ofSeconds(40);
    static final String OFFER = "cart-rescue-10";
    static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">Deal";

    @TempDir
    static Path shared;
    static Vertx vertx;
    static LogRecorder logs;
    static KioskBrowser browser;

    @TempDir
    Path dir;
    TestKiosk kiosk;
    EdgeAgent underTest;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBrowser() {
        KioskBrowser.assumeInstalled();
        vertx = Vertx.vertx();
        logs = LogRecorder.install();
        browser = KioskBrowser.start(shared.resolve("chromium-profile"));
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(logs.blockedThreadWarnings()).isEmpty();
            logs.close();
        }
    }

    @BeforeEach
    void createKiosk() throws Exception {
        kiosk = TestKiosk.create(dir, TestPki.create("Test CA"));
    }

    @AfterEach
    void closeAgent() throws Exception {
        browser.open("about:blank");
        if (underTest != null) {
            underTest.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void cartLeftBehind_offerDecidedOnTheKioskAppears_acceptIsStored_andWhyNamesTheChosenAction() throws Exception {
        OffsetClock clock = new OffsetClock();
        EdgeSettings settings = kiosk.settings("tcp://127.0.0.1:" + TestBroker.freePort(), true);
        underTest = start(settings, clock);
        assertThat(underTest.installBundle(kiosk.bundle(1, demoPolicies(), demoActions()))).isTrue();
        openScreen();
        waitForStatus("offline");

        tapAndAwaitStored(By.id("consent-yes"), "wm.kiosk.consent_update");
        tapAndAwaitStored(By.cssSelector(".tile[data-sku='SKU-88412']"), "wm.kiosk.product_view");
        tapAndAwaitStored(By.id("add-to-cart"), "wm.kiosk.cart_add");
        assertThat(browser.byId("cart-total").getText()).contains("1 item");
        // The shopper walks away: once the agent's clock passes the idle time, it ends the session itself.
        clock.advance(settings.sessionIdle().plusSeconds(1));

        WebElement card = browser.waitUpTo(PATIENCE)
                .until(d -> d.findElements(By.cssSelector(".card-offer")).stream().findFirst().orElse(null));
        assertThat(card.getDomAttribute("data-action-id")).isEqualTo(OFFER);
        assertThat(card.getDomAttribute("data-decision-id")).startsWith("edge-");
        assertThat(card.findElement(By.className("card-title")).getText()).isEqualTo("10% off what is in your cart");
        String why = card.findElement(By.className("why")).getDomProperty("href");
        card.findElement(By.className("accept")).click();
        browser.waitUpTo(PATIENCE).until(d -> card.findElement(By.className("card-answer")).getText()
                .equals("Accepted"));
        await().atMost(PATIENCE).until(() -> outboxCount("wm.outcome.accept") == 1);
        assertThat(outboxCount("wm.outcome.impression")).isEqualTo(1);
        assertThat(outboxCount("wm.kiosk.session_end")).isEqualTo(1);

        HttpResponse<String> explanation = get(why);
        assertThat(explanation.statusCode()).isEqualTo(200);
        JsonObject json = Json.createReader(new StringReader(explanation.body())).readObject();
        assertThat(json.getString("decisionId")).isEqualTo(card.getDomAttribute("data-decision-id"));
        assertThat(json.getString("decidedBy")).isEqualTo("edge");
        assertThat(json.getString("intent")).isEqualTo("cart_abandonment");
        assertThat(json.getJsonArray("chosen").getString(0)).isEqualTo(OFFER);
        assertThat(json.getJsonObject("explanation").getJsonArray("candidates").getValuesAs(JsonObject.class))
                .anyMatch(c -> c.getString("actionId").equals(OFFER) && c.getBoolean("selected"))
                .anyMatch(c -> c.getString("actionId").equals("fitting-help")
                        && c.getString("removedAt").equals("eligibility"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void endSession_withNoSessionOpen_showsTheRefusalsFieldAndReason() throws Exception {
        underTest = start(kiosk.settings("tcp://127.0.0.1:" + TestBroker.freePort(), true), Clock.systemUTC());
        openScreen();
        browser.byId("end-session").click();
        WebElement notice = browser.byId("notice");
        browser.waitUpTo(PATIENCE).until(d -> notice.isDisplayed()
                && notice.getText().contains("no kiosk session is open to end"));
        assertThat(notice.findElement(By.className("notice-field")).getText()).isEqualTo("type");
        assertThat(outboxCount("wm.kiosk.session_end")).isZero();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void hubAction_withAHostileTitle_isShownAsText_andItsWhyRedirectsToTheCloud() throws Exception {
        try (TestBroker broker = TestBroker.plain(dir.resolve("broker"));
             HubStandIn hub = HubStandIn.connect(broker.tcpAddress(), "hub-kiosk-screen")) {
            underTest = start(kiosk.settings(broker.tcpAddress(), true)
                    .withExplainUrl(Optional.of("https://cloud.example:8443/v1/decisions/{decisionId}")),
                    Clock.systemUTC());
            await().atMost(PATIENCE).until(() -> underTest.status().connected());
            openScreen();
            waitForStatus("online");
            Instant now = Instant.now();
            hub.publish(Topics.actions(TestKiosk.STORE, TestKiosk.DEVICE), ContractCodec.create().encode(
                    new Action("deal-1", "cloud-d-1", ActionKind.OFFER, "home", HOSTILE, "<b>bold</b> claim", 500,
                            "EUR", now, now.plusSeconds(600))), false);

            WebElement card = browser.waitUpTo(PATIENCE)
                    .until(d -> d.findElements(By.cssSelector(".card-offer")).stream().findFirst().orElse(null));
            assertThat(card.findElement(By.className("card-title")).getText()).isEqualTo(HOSTILE);
            assertThat(card.findElement(By.className("card-body")).getText()).isEqualTo("<b>bold</b> claim");
            assertThat(card.findElements(By.tagName("img"))).isEmpty();
            assertThat(card.findElements(By.tagName("b"))).isEmpty();
            assertThat(browser.driver().getTitle()).isEqualTo("Waymark kiosk");
            assertThat(browser.consoleErrors()).isEmpty();
            HttpResponse<String> why = get(card.findElement(By.className("why")).getDomProperty("href"));
            assertThat(why.statusCode()).isEqualTo(302);
            assertThat(why.headers().firstValue("location"))
                    .contains("https://cloud.example:8443/v1/decisions/cloud-d-1");
            browser.open("about:blank");
            underTest.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            underTest = null;
        }
    }

    @Test
    void screen_isServedWithSameOriginOnlyHeaders_andACloudDecisionWithoutExplainUrlIsExplainedAsNotHere()
            throws Exception {
        underTest = start(kiosk.settings("tcp://127.0.0.1:" + TestBroker.freePort(), true), Clock.systemUTC());
        HttpResponse<String> root = get(base() + "/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("location")).contains("/kiosk/");
        assertThat(get(base() + "/kiosk").headers().firstValue("location")).contains("/kiosk/");
        for (String file : List.of("/kiosk/", "/kiosk/kiosk.js", "/kiosk/kiosk.css", "/v1/status")) {
            HttpResponse<String> page = get(base() + file);
            assertThat(page.statusCode()).as(file).isEqualTo(200);
            assertThat(page.headers().firstValue("content-security-policy")).as(file).get().asString()
                    .startsWith("default-src 'self';").doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("x-content-type-options")).as(file).contains("nosniff");
            assertThat(page.headers().firstValue("cache-control")).as(file).contains("no-store");
        }
        assertThat(get(base() + "/kiosk/kiosk.js").headers().firstValue("content-type")).get().asString()
                .startsWith("text/javascript");
        assertThat(get(base() + "/kiosk/..%2Fkiosk.js").statusCode()).isEqualTo(404);
        assertThat(get(base() + "/kiosk/nothing.js").statusCode()).isEqualTo(404);

        HttpResponse<String> cloud = get(base() + "/v1/decisions/d-42");
        assertThat(cloud.statusCode()).isEqualTo(404);
        assertThat(cloud.body()).contains("the cloud decided it").contains("explainUrl");
        HttpResponse<String> forgotten = get(base() + "/v1/decisions/edge-01JDQ6Y7C8M4V2K9ZQW3T5N6PA");
        assertThat(forgotten.statusCode()).isEqualTo(404);
        assertThat(forgotten.body()).contains("no longer keeps");
    }

    private void openScreen() {
        browser.consoleErrors();
        browser.open(base() + "/");
        browser.waitUpTo(PATIENCE).until(d -> "up".equals(browser.byId("status").getDomAttribute("data-link")));
    }

    private void waitForStatus(String hub) {
        browser.waitUpTo(PATIENCE).until(d -> hub.equals(browser.byId("status").getDomAttribute("data-hub")));
    }

    /** Taps and waits until the agent's reply listing the stored event is on screen. */
    private void tapAndAwaitStored(By target, String type) {
        browser.waitUpTo(PATIENCE).until(d -> d.findElement(target).isDisplayed());
        browser.driver().findElement(target).click();
        browser.waitUpTo(PATIENCE).until(d -> browser.byId("activity").getText().contains(type));
    }

    private String base() {
        return "http://127.0.0.1:" + underTest.httpPort();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private long outboxCount(String type) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("edge.db"));
             ResultSet rs = connection.createStatement()
                     .executeQuery("SELECT COUNT(*) FROM outbox WHERE type = '" + type + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static EdgeAgent start(EdgeSettings settings, Clock clock) throws Exception {
        return EdgeAgent.start(vertx, settings, TestKiosk.identity(settings), clock).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** The demo's offer for a cart left behind and its help for a service need (dist's DemoCatalog). */
    private static List<ActionDefinition> demoActions() {
        return List.of(
                ActionDefinition.builder(OFFER).category(ActionCategory.SALES).channels(Channel.KIOSK)
                        .placements(TestKiosk.PLACEMENT).value(8.0).timeToLive(Duration.ofMinutes(5))
                        .consentPurpose("marketing").edgeDecidable(true)
                        .eligibility("context.intent == 'cart_abandonment' && journey.cartValue >= 5000").build(),
                ActionDefinition.builder("fitting-help").category(ActionCategory.SERVICE).channels(Channel.KIOSK)
                        .placements(TestKiosk.PLACEMENT).value(2.0).timeToLive(Duration.ofMinutes(5))
                        .consentPurpose("service").edgeDecidable(true)
                        .eligibility("journey.openServiceJourney || context.intent == 'service_request'").build());
    }

    private static DecisionPolicies demoPolicies() {
        return DecisionPolicies.defaults().withControlGroup(ControlGroupPolicy.none()).withExplore(false);
    }
}
