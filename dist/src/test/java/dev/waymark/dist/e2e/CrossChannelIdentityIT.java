package dev.waymark.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.dist.internal.demo.DemoCatalog;
import dev.waymark.dist.internal.platform.CloudApi;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, end-to-end test 5: a customer identifies on the web with a loyalty number and views products (the
 * collector, with the write key as basic-auth user), then scans the same loyalty card at a kiosk. The platform ends
 * with one profile whose journey shows both channels, and the demo's "welcome back" reaches that kiosk.
 */
class CrossChannelIdentityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String LOYALTY_NUMBER = "6012 4410 7731 0085";
    private static final String VISITOR = "web-visitor-e2e-5";

    @TempDir
    static Path dir;
    static Platform platform;
    static CloudApi api;
    static String key;
    static KioskNode kiosk;
    static KioskSocket screen;

    @BeforeAll
    static void start() throws Exception {
        platform = E2ePlatform.start(dir, 1, plan -> plan);
        api = platform.cloud().client();
        key = platform.cloud().secretKey();
        DemoCatalog.installWithoutHoldout(api, key);
        kiosk = platform.kiosks().get(0);
        await().atMost(PATIENCE).until(() -> kiosk.agent().status().connected());
        screen = KioskSocket.open(platform.vertx(), kiosk.captureApi());
    }

    @AfterAll
    static void stop() throws Exception {
        if (screen != null) {
            screen.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void webIdentifyAndKioskLoyaltyScan_endInOneProfileOnBothChannels_andTheKioskWelcomesTheShopperBack()
            throws Exception {
        collect("/v1/identify", new JsonObject().put("anonymousId", VISITOR)
                .put("traits", new JsonObject().put("loyaltyId", LOYALTY_NUMBER)));
        for (String sku : List.of("SKU-88412", "SKU-88420")) {
            collect("/v1/track", new JsonObject().put("anonymousId", VISITOR).put("event", "Product Viewed")
                    .put("properties", new JsonObject().put("sku", sku).put("category", "running-shoes")
                            .put("price", 129.99)));
        }
        await().atMost(PATIENCE).until(() -> api.get("/v1/profiles/cookie/" + VISITOR, key).status() == 200
                && channelsOf(profileByCookie()).contains("web"));
        String webProfile = profileByCookie().getString("profileId");

        tap("wm.kiosk.consent_update", new JsonObject().put("purpose", "marketing").put("channel", "kiosk")
                .put("state", "granted"));
        tap("wm.kiosk.loyalty_scan", new JsonObject().put("loyaltyId", LOYALTY_NUMBER));
        JsonObject action = awaitShown("welcome-back");

        assertThat(action.getString("decisionId")).doesNotStartWith("edge-");
        assertThat(action.getString("title")).isEqualTo("Welcome back!");
        JsonObject decision = ok(api.get("/v1/decisions/" + action.getString("decisionId"), key));
        assertThat(decision.getString("intent")).isEqualTo("loyalty_recognition");
        assertThat(decision.getString("device")).isEqualTo(kiosk.deviceId());
        JsonObject profile = profileByCookie();
        assertThat(profile.getString("profileId")).isEqualTo(decision.getString("profileId"));
        assertThat(ok(api.get("/v1/profiles/profile/" + webProfile, key)).getString("profileId"))
                .isEqualTo(profile.getString("profileId"));
        assertThat(profile.getJsonArray("identities").stream().map(i -> ((JsonObject) i).getString("namespace"))
                .collect(Collectors.toSet())).contains("cookie", "loyalty", "kiosk_session");
        assertThat(channelsOf(profile)).containsExactly("kiosk", "web");
        JsonArray recent = profile.getJsonObject("journey").getJsonArray("recent");
        assertThat(recent.stream().map(r -> ((JsonObject) r).getString("activity") + "@"
                + ((JsonObject) r).getString("channel")).collect(Collectors.toSet()))
                .contains("product_view@web", "loyalty_scan@kiosk");
        assertThat(profile.getJsonArray("decisions").stream()
                .map(d -> ((JsonObject) d).getString("decisionId")).toList())
                .contains(action.getString("decisionId"));
    }

    private static JsonObject profileByCookie() throws Exception {
        return ok(api.get("/v1/profiles/cookie/" + VISITOR, key));
    }

    private static Set<String> channelsOf(JsonObject profile) {
        return profile.getJsonObject("journey").getJsonArray("channels").stream().map(String.class::cast)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collect(String path, JsonObject call) throws Exception {
        String basic = Base64.getEncoder().encodeToString((platform.cloud().writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.cloud().api() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call.encode())).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static void tap(String type, JsonObject data) throws Exception {
        JsonObject reply = screen.capture(type, data);
        assertThat(reply.getString("kind")).as(reply.encode()).isEqualTo("stored");
    }

    private static JsonObject awaitShown(String actionId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (long left = PATIENCE.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            JsonObject next = screen.nextAction(Duration.ofNanos(left));
            if (next != null && actionId.equals(next.getString("actionId"))) {
                return next;
            }
        }
        throw new AssertionError(actionId + " was not shown within " + PATIENCE);
    }

    private static JsonObject ok(CloudApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
