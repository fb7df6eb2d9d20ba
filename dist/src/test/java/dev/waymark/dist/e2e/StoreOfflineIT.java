package dev.waymark.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.dist.internal.platform.CloudApi;
import dev.waymark.dist.internal.platform.HubNode;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, test 2: a store goes offline. The hub's link to the cloud is cut; the kiosks stay connected to their hub,
 * keep capturing, and decide an intent locally at once; the hub buffers. When the link returns the buffer drains,
 * the cloud has every event once, does not decide the offline trigger again, and counts the offline action toward
 * the shopper's contact cap.
 */
class StoreOfflineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The cloud leaves kiosk triggers older than this to the kiosk (set short here so the outage outlasts it). */
    private static final Duration TRIGGER_MAX_AGE = Duration.ofSeconds(5);
    private static final String ACTION = "store-help";
    private static final String INTENT = "help_wanted";
    private static final String LOYALTY_ID = "LOY-4711-0815";

    @TempDir
    Path dir;

    @Test
    void storeOffline_kiosksDecideLocallyAndTheCloudCountsEverythingOnceWhenTheLinkReturns() throws Exception {
        JsonObject cloudConfig = new JsonObject().put("decisions",
                new JsonObject().put("kioskTriggerMaxAge", TRIGGER_MAX_AGE.toString()));
        try (Platform platform = E2ePlatform.start(dir, 2, plan -> plan.withLinkSwitches(true)
                .withCloudConfig(cloudConfig))) {
            CloudApi api = platform.cloud().client();
            String key = platform.cloud().secretKey();
            HubNode hub = platform.hubs().get(0);
            KioskNode kioskA = platform.kiosks().get(0);
            KioskNode kioskB = platform.kiosks().get(1);
            long version = installCatalog(api, key);
            await().atMost(PATIENCE).until(() -> platform.kiosks().stream().allMatch(k ->
                    k.agent().status().bundleVersion() == version && k.agent().status().storeOnline()));

            try (KioskSocket screenA = KioskSocket.open(platform.vertx(), kioskA.captureApi());
                 KioskSocket screenB = KioskSocket.open(platform.vertx(), kioskB.captureApi())) {
                hub.upstreamLink().cut().await(10, TimeUnit.SECONDS);
                await().atMost(PATIENCE).until(() -> "down".equals(hub.statusNow().getString("link")));
                await("the hub tells its kiosks the store is offline").atMost(PATIENCE).until(() ->
                        platform.kiosks().stream().noneMatch(k -> k.agent().status().storeOnline()));
                assertThat(platform.kiosks()).allMatch(k -> k.agent().status().connected());
                long depthAtCut = hub.statusNow().getLong("bufferDepth");

                List<String> capturedA = new ArrayList<>();
                capturedA.addAll(stored(screenA.capture("wm.kiosk.loyalty_scan",
                        new JsonObject().put("loyaltyId", LOYALTY_ID))));
                capturedA.addAll(stored(screenA.capture("wm.kiosk.service_request",
                        new JsonObject().put("topic", "fitting"))));
                Instant triggeredAt = Instant.now();
                JsonObject offline = screenA.nextAction(Duration.ofSeconds(20));
                assertThat(offline).as("the kiosk decides locally at once").isNotNull();
                assertThat(offline.getString("actionId")).isEqualTo(ACTION);
                assertThat(offline.getString("decisionId")).startsWith("edge-");
                capturedA.addAll(stored(screenA.capture("wm.kiosk.session_end", new JsonObject())));

                List<String> capturedB = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    capturedB.addAll(stored(screenB.capture("wm.kiosk.product_view", new JsonObject()
                            .put("sku", "SKU-" + i).put("category", "boots").put("price", 8900 + i)
                            .put("currency", "EUR"))));
                }
                capturedB.addAll(stored(screenB.capture("wm.kiosk.session_end", new JsonObject())));
                await("the hub buffers what the kiosks send").atMost(PATIENCE).until(() ->
                        hub.statusNow().getLong("bufferDepth") > depthAtCut);
                assertThat(hub.statusNow().getString("link")).isEqualTo("down");
                // The scenario: the store stays offline longer than the cloud acts on a kiosk's trigger.
                await().atMost(PATIENCE).until(() -> Instant.now().isAfter(triggeredAt.plus(TRIGGER_MAX_AGE)));

                try (LiveStream live = LiveStream.open(platform.vertx(), platform.cloud().api(), key,
                        "store=" + hub.store() + "&kind=event")) {
                    hub.upstreamLink().restore();
                    await().atMost(PATIENCE).until(() -> "up".equals(hub.statusNow().getString("link")));
                    await("the hub's buffer drains").atMost(PATIENCE).until(() ->
                            hub.statusNow().getLong("bufferDepth") == 0);
                    List<String> all = new ArrayList<>(capturedA);
                    all.addAll(capturedB);
                    await("the cloud processed every offline capture and the impression").atMost(PATIENCE)
                            .until(() -> eventIds(live).keySet().containsAll(all)
                                    && impressionOf(live, kioskA) != null);
                    Map<String, Long> seen = eventIds(live);
                    assertThat(all).as("every offline capture processed exactly once")
                            .allMatch(id -> seen.get(id) == 1L);
                    assertThat(seen.get(impressionOf(live, kioskA))).as("the offline impression, once").isEqualTo(1L);
                    String profileB = profileOf(live, capturedB.get(0));
                    JsonObject journeyB = api.get("/v1/profiles/profile/" + profileB, key).json()
                            .getJsonObject("journey");
                    assertThat(journeyB.getJsonObject("facts").getJsonObject("viewsByCategory").getLong("boots"))
                            .as("five product views counted once each").isEqualTo(5L);
                }
                await().atMost(PATIENCE).until(() -> platform.kiosks().stream()
                        .allMatch(k -> k.agent().status().storeOnline()));

                List<JsonObject> decisionsA = decisions(api, key, kioskA);
                assertThat(decisionsA).as("the cloud does not decide the offline trigger again")
                        .noneMatch(d -> "sent".equals(d.getString("status")));
                JsonObject kpis = api.get("/v1/kpis?store=" + hub.store() + "&action=" + ACTION, key).json()
                        .getJsonObject("overall");
                assertThat(kpis.getLong("impressions")).as("the offline impression counted once").isEqualTo(1L);

                // The same shopper at the other kiosk, online now: the cloud decides, and the offline contact
                // has used up the one care contact a day the policies allow.
                screenB.capture("wm.kiosk.loyalty_scan", new JsonObject().put("loyaltyId", LOYALTY_ID));
                screenB.capture("wm.kiosk.service_request", new JsonObject().put("topic", "returns"));
                await().atMost(PATIENCE).until(() -> decisions(api, key, kioskB).stream()
                        .anyMatch(d -> INTENT.equals(d.getString("intent"))));
                JsonObject online = decisions(api, key, kioskB).stream()
                        .filter(d -> INTENT.equals(d.getString("intent"))).findFirst().orElseThrow();
                assertThat(online.getString("status")).isEqualTo("nothing");
                JsonObject candidate = online.getJsonObject("explanation").getJsonArray("candidates").stream()
                        .map(JsonObject.class::cast).filter(c -> ACTION.equals(c.getString("actionId")))
                        .findFirst().orElseThrow();
                assertThat(candidate.getString("removedAt")).isEqualTo("contact_policy");
                assertThat(screenA.nextAction(Duration.ofMillis(1))).as("kiosk A was shown the action once").isNull();
            }
        }
    }

    /** One edge-decidable care action for the intent, and a cap of one kiosk care contact a day. */
    private static long installCatalog(CloudApi api, String key) throws Exception {
        JsonObject action = new JsonObject().put("id", ACTION).put("category", "care")
                .put("channels", new JsonArray().add("kiosk"))
                .put("placements", new JsonArray().add("home").add("kiosk-offer"))
                .put("timeToLive", "PT15M").put("consentPurpose", "service").put("edgeDecidable", true)
                .put("eligibility", "context.intent == '" + INTENT + "'")
                .put("title", "Someone is on the way").put("body", "Stay here, please.");
        expectOk(api.send("PUT", "/v1/catalog/actions", key,
                new JsonObject().put("actions", new JsonArray().add(action))));
        expectOk(api.send("PUT", "/v1/catalog/patterns", key, new JsonObject().put("patterns", new JsonArray()
                .add(new JsonObject().put("name", INTENT).put("kind", "service_request_initiation")))));
        CloudApi.Answer policies = api.send("PUT", "/v1/catalog/policies", key, new JsonObject()
                .put("caps", new JsonArray().add(new JsonObject().put("channel", "kiosk").put("category", "care")
                        .put("max", 1).put("period", "P1D"))));
        expectOk(policies);
        return policies.json().getLong("version");
    }

    private static void expectOk(CloudApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** The ids of the events a capture stored (the session start the agent adds included). */
    private static List<String> stored(JsonObject reply) {
        assertThat(reply.getString("kind")).as(reply.encode()).isEqualTo("stored");
        return reply.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("id")).toList();
    }

    /** How often the live feed reported each event id. */
    private static Map<String, Long> eventIds(LiveStream live) {
        return live.items().stream().filter(i -> "event".equals(i.getString("kind")))
                .collect(Collectors.groupingBy(i -> i.getString("id"), Collectors.counting()));
    }

    private static String impressionOf(LiveStream live, KioskNode kiosk) {
        return live.items().stream().filter(i -> "wm.outcome.impression".equals(i.getString("type"))
                && kiosk.deviceId().equals(i.getString("device"))).map(i -> i.getString("id")).findFirst()
                .orElse(null);
    }

    private static String profileOf(LiveStream live, String eventId) {
        return live.items().stream().filter(i -> eventId.equals(i.getString("id"))).map(i -> i.getString("profile"))
                .findFirst().orElseThrow();
    }

    private static List<JsonObject> decisions(CloudApi api, String key, KioskNode kiosk) throws Exception {
        CloudApi.Answer answer = api.get("/v1/decisions?store=" + kiosk.store() + "&device=" + kiosk.deviceId(), key);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("decisions").stream().map(JsonObject.class::cast)
                .collect(Collectors.toList());
    }
}
