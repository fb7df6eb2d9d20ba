package dev.waymark.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.console.support.ConsoleBrowser;
import dev.waymark.console.support.ConsoleClient;
import dev.waymark.console.support.ConsoleStack;
import dev.waymark.console.support.Traffic;
import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.DeviceEnrollment;
import dev.waymark.provisioning.EnrollmentQr;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's pages in headless Chromium at a tablet's width against a real cloud: a manager's sign-in, a live
 * decision followed to its explanation, a broken rule caught as it is typed and its fix published, an enrollment
 * QR code that scans back to its token. Screenshots of every page land in target/console-screenshots.
 */
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TempDir
    static Path dir;

    private static ConsoleStack stack;
    private static ConsoleBrowser browser;
    private static String writeKey;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.assumeInstalled();
        stack = ConsoleStack.start(dir.resolve("cloud"));
        writeKey = Traffic.writeKey(stack);
        browser = ConsoleBrowser.start(dir.resolve("chromium"), SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @AfterEach
    void pageWasClean() {
        // Refusals the pages expect and explain (401 before sign-in, 404 for a store that never reported, 422 for a
        // broken rule) are logged by Chromium as failed loads; CSP violations and script errors are not filtered.
        List<String> errors = browser.consoleErrors().stream()
                .filter(error -> !error.contains("Failed to load resource: the server responded with a status of"))
                .toList();
        browser.driver().manage().deleteAllCookies();
        assertThat(errors).as("browser console errors (CSP violations, script errors)").isEmpty();
    }

    @Test
    void signIn_withTheKeyboard_returnsToTheAskedPage_andSignOutEndsTheSession() throws Exception {
        browser.open(stack.consoleUrl() + "overview.html");
        WebElement name = browser.visible(By.id("name"));
        assertThat(browser.driver().getCurrentUrl()).contains("/index.html?next=");
        name.sendKeys("manager-a", Keys.TAB, ConsoleStack.PASSWORD);
        browser.screenshot("sign-in");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

        browser.textAppears(By.tagName("h1"), "Store overview");
        browser.textAppears(By.id("top"), "manager-a");
        browser.textAppears(By.id("stores"), "No store has reported yet.");
        assertThat(navigation()).containsExactly("Overview", "Live", "Performance", "Decisions");
        assertThat(browser.byId("crm-section").isDisplayed()).as("CRM state, for admin and marketing only").isFalse();
        assertThat(browser.overflowsHorizontally()).isFalse();
        browser.screenshot("overview");

        browser.byId("sign-out").click();
        browser.visible(By.id("name"));
        browser.open(stack.consoleUrl() + "overview.html");
        browser.visible(By.id("name"));
        assertThat(browser.driver().getCurrentUrl()).contains("/index.html");
    }

    @Test
    void overview_forAnAdmin_showsTheCrmConnectorsState() throws Exception {
        signIn("admin", "overview.html");

        browser.textAppears(By.id("crm"), "crm.webhook");
        assertThat(browser.byId("crm-message").getText()).contains("Inbound CRM webhook off");
        browser.screenshot("overview-crm");
    }

    @Test
    void signIn_withAWrongPassword_saysSoAndStaysOnTheForm() {
        browser.open(stack.consoleUrl() + "index.html");
        browser.visible(By.id("name")).sendKeys("admin");
        browser.byId("password").sendKeys("not-the-password-at-all", Keys.ENTER);

        browser.textAppears(By.id("message"), "wrong");
        assertThat(browser.byId("message").getAttribute("role")).isEqualTo("alert");
        assertThat(browser.driver().getCurrentUrl()).contains("/index.html");
    }

    @Test
    void storeManager_opensTheDevicesPage_isToldTheRoleCannotUseIt() {
        signIn("manager-a", "devices.html");

        browser.textAppears(By.id("main"), "cannot use this page");
        assertThat(navigation()).doesNotContain("Devices", "Actions", "Privacy");
    }

    @Test
    void liveDecision_followedToItsExplanation_showsEveryCandidateAndItsStage() throws Exception {
        signIn("admin", "live.html");
        browser.textAppears(By.id("message"), "Connected");
        new Select(browser.visible(By.cssSelector("#store option[value=web]")).findElement(By.xpath("..")))
                .selectByValue("web");
        new Select(browser.byId("kind")).selectByValue("decision");
        browser.byId("filters").findElement(By.cssSelector("button[type=submit]")).click();
        browser.textAppears(By.id("message"), "Connected");

        Traffic.serviceRequest(stack, writeKey, "crm-live-" + System.nanoTime());

        WebElement why = browser.visible(By.cssSelector("#feed li.live-decision a"));
        assertThat(browser.driver().findElements(By.cssSelector("#feed li:not(.live-decision)")))
                .as("the kind filter keeps events and actions out").isEmpty();
        browser.screenshot("live");
        String decisionId = why.getAttribute("href").replaceAll(".*id=", "");
        why.click();
        browser.textAppears(By.id("facts"), decisionId);
        browser.visible(By.id("candidates"));
        JsonObject decision = stack.signIn("admin").get("/v1/decisions/" + decisionId).expect(200).json();
        String candidates = browser.byId("candidates").getText();
        decision.getJsonObject("explanation").getJsonArray("candidates").stream().map(JsonObject.class::cast)
                .forEach(candidate -> assertThat(candidates).contains(candidate.getString("actionId"))
                        .contains(candidate.getBoolean("selected") ? "chosen"
                                : "removed at " + candidate.getString("removedAt").replace('_', ' ')));
        assertThat(browser.byId("facts").getText()).contains("service_request");
        assertThat(browser.overflowsHorizontally()).isFalse();
        browser.screenshot("decision");
    }

    @Test
    void brokenRule_isShownInlineAsTyped_andThePublishedFixBecomesTheNewBundle() throws Exception {
        ConsoleClient admin = stack.signIn("admin");
        long bundleBefore = admin.get("/v1/bundles/current").expect(200).json().getLong("version");
        signIn("marketing", "actions.html");
        browser.textAppears(By.id("bundle"), "bundle " + bundleBefore);
        new Select(browser.byId("pick")).selectByValue("cart-rescue-10");
        WebElement rule = browser.byId("f-eligibility");

        rule.clear();
        rule.sendKeys("journey.stage == ");
        WebElement error = browser.visible(By.id("err-eligibility"));
        assertThat(error.getText()).isNotBlank();
        assertThat(rule.getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("actions-broken-rule");
        browser.byId("publish").click();
        browser.textAppears(By.id("message"), "Not published");
        assertThat(admin.get("/v1/bundles/current").json().getLong("version")).isEqualTo(bundleBefore);

        rule.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        rule.sendKeys("1 < 2");
        browser.textAppears(By.id("rule-state"), "compile");
        assertThat(browser.byId("err-eligibility").isDisplayed()).isFalse();
        browser.byId("publish").click();
        browser.textAppears(By.id("message"), "Published cart-rescue-10");

        assertThat(admin.get("/v1/bundles/current").json().getLong("version")).isGreaterThan(bundleBefore);
        assertThat(admin.get("/v1/catalog/actions/cart-rescue-10").expect(200).json().getString("eligibility"))
                .isEqualTo("1 < 2");
        browser.screenshot("actions-published");
    }

    @Test
    void contactPolicies_withACooldownChanged_areSavedAsANewCatalogVersion() throws Exception {
        ConsoleClient admin = stack.signIn("admin");
        long versionBefore = admin.get("/v1/catalog/actions").expect(200).json().getLong("version");
        signIn("marketing", "actions.html");
        WebElement policies = browser.byId("p-json");
        browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> !policies.getAttribute("value").isBlank());
        JsonObject edited = new JsonObject(policies.getAttribute("value")).put("defaultCooldown", "PT7M");

        policies.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        policies.sendKeys(edited.encode());
        browser.byId("policies").findElement(By.cssSelector("button[type=submit]")).click();

        browser.textAppears(By.id("message"), "Policies saved as catalog version");
        assertThat(admin.get("/v1/catalog/policies").expect(200).json().getString("defaultCooldown"))
                .isEqualTo("PT7M");
        assertThat(admin.get("/v1/catalog/actions").json().getLong("version")).isGreaterThan(versionBefore);
    }

    @Test
    void simulation_ofTheDraft_saysWhatWouldBeShown() throws Exception {
        String profile = Traffic.webProfile(stack, writeKey);
        signIn("admin", "actions.html");
        browser.textAppears(By.id("bundle"), "bundle");

        browser.byId("s-profile").sendKeys(profile);
        browser.byId("s-store").sendKeys("store-a");
        browser.byId("simulate").findElement(By.cssSelector("button[type=submit]")).click();

        JsonObject simulated = stack.signIn("admin").send("POST", "/v1/decisions/simulate", new JsonObject()
                .put("profileId", profile).put("channel", "kiosk").put("placement", "kiosk-offer")
                .put("store", "store-a").put("context", new JsonObject())).expect(200).json();
        List<String> chosen = simulated.getJsonArray("actions").stream().map(JsonObject.class::cast)
                .map(action -> action.getString("actionId")).toList();
        browser.textAppears(By.id("s-message"), chosen.isEmpty() ? "Would show nothing."
                : "Would show: " + String.join(", ", chosen));
        simulated.getJsonObject("explanation").getJsonArray("candidates").stream().map(JsonObject.class::cast)
                .forEach(candidate -> assertThat(browser.byId("s-result").getText())
                        .contains(candidate.getString("actionId")));
        browser.screenshot("actions-simulate");
    }

    @Test
    void enrollmentToken_forAKiosk_showsAQrCodeThatScansBackToTheToken() throws Exception {
        signIn("tech-a", "devices.html");
        browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> "store-a".equals(
                browser.byId("store").getAttribute("value")));

        browser.byId("create-token").click();

        WebElement qr = browser.visible(By.id("qr"));
        browser.waitUpTo(Duration.ofSeconds(30)).until(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].naturalWidth", qr)).intValue() > 0);
        String token = browser.byId("token-text").getText();
        Decoded<EnrollmentQr> scanned = EnrollmentQr.readPng(browser.screenshot(qr, "devices-qr"));
        assertThat(scanned.acceptedValue()).as("the QR code in the page").isPresent();
        assertThat(scanned.acceptedValue().get().token()).isEqualTo(token).startsWith("wm1:kiosk:store-a:");
        assertThat(scanned.acceptedValue().get().caFingerprint()).isEqualTo(stack.cloud().caFingerprint());
        assertThat(browser.overflowsHorizontally()).isFalse();
        browser.screenshot("devices");
    }

    @Test
    void enrolledKiosk_isListedAndRevokedFromTheDevicesPage() throws Exception {
        JsonObject grant = stack.signIn("tech-a").send("POST", "/provisioning/v1/tokens",
                new JsonObject().put("store", "store-a").put("role", "kiosk")).expect(201).json();
        String device = DeviceEnrollment.enroll(EnrollmentQr.parse(grant.getString("qr")).acceptedValue()
                .orElseThrow(), DeviceRole.KIOSK, dir.resolve("kiosk-" + System.nanoTime()),
                "kiosk-keystore-password".toCharArray(), "7.1.0", Clock.systemUTC()).config().deviceId();
        signIn("tech-a", "devices.html");
        browser.textAppears(By.id("devices"), device);
        assertThat(browser.byId("devices").getText()).contains("7.1.0", "active");
        browser.screenshot("devices-list");

        browser.visible(By.cssSelector("button[aria-label='Revoke " + device + "']")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();

        browser.textAppears(By.id("devices-message"), device + " is revoked");
        assertThat(stack.signIn("tech-a").get("/provisioning/v1/devices?store=store-a").expect(200).json()
                .getJsonArray("devices").stream().map(JsonObject.class::cast)
                .filter(entry -> entry.getString("id").equals(device)).map(entry -> entry.getString("status")))
                .containsExactly("revoked");
    }

    @Test
    void performanceAndPrivacyPages_showTheCloudsFigures() throws Exception {
        String profile = Traffic.webProfile(stack, writeKey);
        ConsoleClient admin = stack.signIn("admin");
        JsonObject decided = admin.send("POST", "/v1/decisions", new JsonObject().put("profileId", profile)
                .put("channel", "kiosk").put("placement", "kiosk-offer").put("store", "store-a")).expect(200).json();
        assertThat(decided.getJsonArray("actions")).as("a decision that chose an action counts in the KPIs")
                .isNotEmpty();
        JsonObject kpis = admin.get("/v1/kpis").expect(200).json();
        signIn("admin", "performance.html");
        browser.visible(By.cssSelector("#overall table"));
        browser.visible(By.id("latency-chart"));
        assertThat(kpis.getJsonObject("stores").fieldNames()).contains("store-a");
        kpis.getJsonObject("stores").fieldNames().forEach(store -> assertThat(browser.byId("stores").getText())
                .contains(store));
        kpis.getJsonObject("actions").fieldNames().forEach(action -> assertThat(browser.byId("actions").getText())
                .contains(action));
        browser.screenshot("performance");

        browser.open(stack.consoleUrl() + "privacy.html");
        browser.visible(By.id("namespace")).sendKeys("profile");
        browser.byId("identifier").sendKeys(profile, Keys.ENTER);
        browser.textAppears(By.id("message"), profile);
        browser.screenshot("privacy");
    }

    private void signIn(String user, String page) {
        browser.open(stack.consoleUrl() + page);
        browser.visible(By.id("name")).sendKeys(user);
        browser.byId("password").sendKeys(ConsoleStack.PASSWORD, Keys.ENTER);
        browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/" + page));
        browser.textAppears(By.id("top"), user);
    }

    private List<String> navigation() {
        return browser.driver().findElements(By.cssSelector("#top nav a")).stream().map(WebElement::getText).toList();
    }
}
