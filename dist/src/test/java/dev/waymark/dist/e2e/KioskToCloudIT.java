package dev.waymark.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.dist.internal.demo.DemoCatalog;
import dev.waymark.dist.internal.platform.CloudApi;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, end-to-end test 1 and the demo's in-store stories, on one platform (a cloud, one store's hub, three
 * kiosks) with the demo catalog: a tap at a kiosk becomes a cloud decision whose action arrives on that kiosk's
 * screen through the hub, with its explanation in the decisions and profile APIs. The cart stories wait for the
 * demo's one-minute cart-abandonment timer, so every kiosk's shopper acts in {@link #start} and the timers run
 * side by side: kiosk 1 asked for help and then left a cart (help, not a sales pitch), kiosk 2 consented and left a
 * cart (the offer), kiosk 3 declined marketing and left a cart (nothing).
 */
class KioskToCloudIT {

    /** The demo's cart-abandonment window is one minute; the timer wheel, the hub and the kiosk add seconds. */
    private static final Duration CART_PATIENCE = Duration.ofMinutes(3);
    private static final Duration TAP_PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static Platform platform;
    static CloudApi api;
    static String key;
    static long installed;
    static Screen helped;
    static Screen consented;
    static Screen declined;

    @BeforeAll
    static void start() throws Exception {
        platform = E2ePlatform.start(dir, 3, plan -> plan);
        api = platform.cloud().client();
        key = platform.cloud().secretKey();
        installed = DemoCatalog.installWithoutHoldout(api, key);
        await().atMost(TAP_PATIENCE).until(() -> platform.kiosks().stream().allMatch(k -> k.agent().status()
                .connected()));
        helped = Screen.open(platform, platform.kiosks().get(0));
        consented = Screen.open(platform, platform.kiosks().get(1));
        declined = Screen.open(platform, platform.kiosks().get(2));

        helped.consent("granted");
        helped.tap("wm.kiosk.service_request", new JsonObject().put("topic", "fitting"));
        helped.cartAdd();
        consented.consent("granted");
        consented.cartAdd();
        declined.consent("denied");
        declined.cartAdd();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Screen screen : new Screen[] {helped, consented, declined}) {
            if (screen != null) {
                screen.socket.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void serviceRequest_isDecidedInTheCloud_shownOnThatKiosk_andExplainedByTheDecisionAndProfileApis()
            throws Exception {
        JsonObject action = helped.awaitShown("fitting-help", TAP_PATIENCE);
        String decisionId = action.getString("decisionId");

        assertThat(decisionId).doesNotStartWith("edge-");
        assertThat(action.getString("kind")).isEqualTo("help");
        assertThat(action.getString("title")).isEqualTo("A colleague is on the way");
        JsonObject decision = ok(api.get("/v1/decisions/" + decisionId, key));
        assertThat(decision.getString("device")).isEqualTo(helped.kiosk.deviceId());
        assertThat(decision.getString("store")).isEqualTo(helped.kiosk.store());
        assertThat(decision.getString("intent")).isEqualTo("service_request");
        assertThat(decision.getString("status")).isEqualTo("sent");
        assertThat(decision.getJsonArray("chosen")).containsExactly("fitting-help");
        assertThat(candidate(decision, "fitting-help").getBoolean("selected")).isTrue();
        JsonObject profile = ok(api.get("/v1/profiles/profile/" + decision.getString("profileId"), key));
        assertThat(profile.getJsonArray("decisions").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("decisionId").equals(decisionId)).findFirst())
                .hasValueSatisfying(shown -> assertThat(shown.getJsonObject("explanation"))
                        .isEqualTo(decision.getJsonObject("explanation")));
        assertThat(consented.shownAfter(Duration.ofSeconds(2))).extracting(a -> a.getString("decisionId"))
                .doesNotContain(decisionId);
    }

    @Test
    void cartLeftBehind_withMarketingConsent_getsTheCartOfferFromTheCloudTimer() throws Exception {
        JsonObject action = consented.awaitShown("cart-rescue-10", CART_PATIENCE);

        assertThat(action.getString("decisionId")).doesNotStartWith("edge-");
        assertThat(action.getString("kind")).isEqualTo("offer");
        JsonObject decision = ok(api.get("/v1/decisions/" + action.getString("decisionId"), key));
        assertThat(decision.getString("intent")).isEqualTo("cart_abandonment");
        assertThat(decision.getString("device")).isEqualTo(consented.kiosk.deviceId());
    }

    @Test
    void cartLeftBehind_withAnOpenServiceRequest_getsHelpNotTheSalesOffer() throws Exception {
        JsonObject action = helped.awaitShown("help-cart", CART_PATIENCE);

        JsonObject decision = ok(api.get("/v1/decisions/" + action.getString("decisionId"), key));
        assertThat(decision.getString("intent")).isEqualTo("cart_abandonment");
        assertThat(candidate(decision, "cart-rescue-10").getString("removedAt")).isEqualTo("suppression");
        assertThat(helped.shown).extracting(a -> a.getString("actionId")).doesNotContain("cart-rescue-10");
    }

    @Test
    void cartLeftBehind_byAShopperWhoDeclinedMarketing_getsNoOffer() throws Exception {
        JsonObject decision = await().atMost(CART_PATIENCE).until(() -> cartDecisionOf(declined.kiosk),
                Optional::isPresent).orElseThrow();

        assertThat(decision.getString("status")).isEqualTo("nothing");
        assertThat(decision.getJsonArray("chosen")).isEmpty();
        assertThat(candidate(decision, "cart-rescue-10").getString("removedAt")).isEqualTo("consent");
        assertThat(declined.shownAfter(Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void demoCatalog_installedAgain_changesNothingAndKeepsTheVersion() throws Exception {
        long again = DemoCatalog.installWithoutHoldout(api, key);

        assertThat(again).isEqualTo(installed);
        assertThat(ok(api.get("/v1/catalog/actions", key)).getLong("version")).isEqualTo(installed);
        assertThat(ok(api.get("/v1/catalog/patterns", key)).getJsonArray("patterns")).hasSize(3);
    }

    private static Optional<JsonObject> cartDecisionOf(KioskNode kiosk) throws Exception {
        JsonObject found = ok(api.get("/v1/decisions?device=" + URLEncoder.encode(kiosk.deviceId(),
                StandardCharsets.UTF_8) + "&limit=50", key));
        return found.getJsonArray("decisions").stream().map(JsonObject.class::cast)
                .filter(d -> "cart_abandonment".equals(d.getString("intent"))).findFirst();
    }

    private static JsonObject candidate(JsonObject decision, String actionId) {
        JsonArray candidates = decision.getJsonObject("explanation").getJsonArray("candidates");
        return candidates.stream().map(JsonObject.class::cast).filter(c -> actionId.equals(c.getString("actionId")))
                .findFirst().orElseThrow(() -> new AssertionError(actionId + " is not a candidate: " + decision));
    }

    private static JsonObject ok(CloudApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** One kiosk's screen: its socket and every action it has shown so far. */
    private static final class Screen {

        final KioskNode kiosk;
        final KioskSocket socket;
        final List<JsonObject> shown = new ArrayList<>();

        private Screen(KioskNode kiosk, KioskSocket socket) {
            this.kiosk = kiosk;
            this.socket = socket;
        }

        static Screen open(Platform platform, KioskNode kiosk) throws Exception {
            return new Screen(kiosk, KioskSocket.open(platform.vertx(), kiosk.captureApi()));
        }

        void tap(String type, JsonObject data) throws Exception {
            JsonObject reply = socket.capture(type, data);
            assertThat(reply.getString("kind")).as(reply.encode()).isEqualTo("stored");
        }

        /** The screen's consent choice, as the kiosk screen sends it: marketing and personalization together. */
        void consent(String state) throws Exception {
            for (String purpose : List.of("marketing", "personalization")) {
                tap("wm.kiosk.consent_update", new JsonObject().put("purpose", purpose).put("channel", "kiosk")
                        .put("state", state));
            }
        }

        void cartAdd() throws Exception {
            tap("wm.kiosk.cart_add", new JsonObject().put("sku", "SKU-88412").put("category", "running-shoes")
                    .put("quantity", 1).put("unitPrice", 12_999).put("currency", "EUR"));
        }

        JsonObject awaitShown(String actionId, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                Optional<JsonObject> seen = shown.stream().filter(a -> actionId.equals(a.getString("actionId")))
                        .findFirst();
                if (seen.isPresent()) {
                    return seen.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(actionId + " was not shown on " + kiosk.deviceId() + " within "
                            + patience + "; shown: " + shown);
                }
                JsonObject next = socket.nextAction(Duration.ofNanos(left));
                if (next != null) {
                    shown.add(next);
                }
            }
        }

        /** Every action shown so far, after waiting {@code patience} for more. */
        List<JsonObject> shownAfter(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            for (long left = patience.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                JsonObject next = socket.nextAction(Duration.ofNanos(left));
                if (next != null) {
                    shown.add(next);
                }
            }
            return shown;
        }
    }
}
