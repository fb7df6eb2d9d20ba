package dev.waymark.dist.e2e;

import static dev.waymark.dist.e2e.ShopperVisit.capture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.dist.internal.platform.CloudApi;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, end to end: a run fed with raw e-mail addresses, phone numbers, card numbers, loyalty numbers, names, an
 * address, an IP address and a customer id, in every personal and free-text field of the kiosk captures and the web
 * collector; afterwards none of them, in any spelling, is in any file of the kiosks, the hub or the cloud (SQLite
 * databases and WALs, broker persistence, logs) nor in any payload that crossed the hub-to-cloud link.
 */
class PiiNeverLeavesTheKioskIT {

    private static final String EMAIL = "Quinn.Marlow+kiosk@Example.org";
    private static final String PHONE = "+1 (415) 555-0134";
    private static final String CARD = "4716 2188 3064 1572";
    private static final String LOYALTY = "LC-7731-0085-2291";
    private static final String NAME = "Quintessa Marlowbridge";
    private static final String ADDRESS = "17 Fennimore Crescent";
    private static final String IP = "203.0.113.77";
    private static final String CUSTOMER = "crm-quinn-4471";
    private static final String OTHER_CUSTOMER = "crm-quinn-9902";

    /** Each raw value in the spellings a leak could take: as typed, normalised, digits only, in parts. */
    private static final RawValueScan SCAN = new RawValueScan(Map.of(
            "e-mail", List.of(EMAIL, "quinn.marlow+kiosk", "quinn.marlow"),
            "phone", List.of(PHONE, "+14155550134", "14155550134", "4155550134", "415-555-0134", "(415) 555-0134"),
            "card", List.of(CARD, "4716218830641572", "4716-2188-3064-1572"),
            "loyalty number", List.of(LOYALTY, "LC773100852291", "773100852291", "7731-0085-2291"),
            "name", List.of(NAME, "Quintessa", "Marlowbridge"),
            "address", List.of(ADDRESS, "Fennimore"),
            "IP address", List.of(IP),
            "customer id", List.of(CUSTOMER, OTHER_CUSTOMER, "quinn-4471", "quinn-9902")));

    @TempDir
    Path dir;
    @TempDir
    Path tapDir;

    @Test
    void rawPersonalDataFedEverywhere_isInNoFileLogOrHubToCloudPayload() throws Exception {
        Platform platform = E2ePlatform.start(dir, 2, plan -> plan.withEdgeConfig(new JsonObject()
                .put("scanFields", new JsonArray().add("query").add("note").add("comment"))));
        List<GatewayTap.Message> crossed;
        String loyaltyToken;
        try {
            LoyaltyProfiles profiles = LoyaltyProfiles.of(platform);
            loyaltyToken = profiles.token(LOYALTY);
            try (GatewayTap tap = GatewayTap.open(platform, platform.hubs().get(0).store(), tapDir)) {
                Map<String, Long> expected = new TreeMap<>();
                for (KioskNode kiosk : platform.kiosks()) {
                    try (KioskSocket screen = KioskSocket.open(platform.vertx(), kiosk.captureApi())) {
                        ShopperVisit.walk(screen, LOYALTY, shopperTyping()).byType()
                                .forEach((type, count) -> expected.merge(type, count, Long::sum));
                    }
                }
                feedTheWebCollector(platform);
                List.of("wm.web.identify", "wm.web.track", "wm.web.page").forEach(type -> expected.put(type, 1L));

                // Everything processed: the loyalty card's profile holds both kiosk visits and the web calls.
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(profiles.eventsByType(LOYALTY)).containsAllEntriesOf(expected));
                await().atMost(Duration.ofMinutes(1)).until(() -> platform.kiosks().stream().allMatch(kiosk ->
                        carriesMaskedFreeText(tap.messages(), kiosk)));
                assertThat(tap.connected()).as("the tap missed nothing").isTrue();
                crossed = tap.messages();
            }
        } finally {
            platform.close();
        }

        String everything = String.join("\n", crossed.stream()
                .map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList());
        assertThat(everything).as("the hub-to-cloud link carried the kiosks' events, masked")
                .contains("tok:", loyaltyToken, "[EMAIL]", "[PHONE]", "[CARD]");
        // The scan can fail: it finds every raw value in what the shopper and the web shop sent.
        String typed = shopperTyping().toString() + " " + NAME + " " + ADDRESS + " " + IP + " " + CUSTOMER + " "
                + OTHER_CUSTOMER + " " + LOYALTY;
        assertThat(SCAN.findingsIn(typed.getBytes(StandardCharsets.UTF_8), "the input"))
                .map(finding -> finding.substring(0, finding.indexOf(" (")))
                .containsAll(List.of("e-mail", "phone", "card", "loyalty number", "name", "address", "IP address",
                        "customer id"));
        List<String> leaks = new ArrayList<>();
        crossed.forEach(m -> leaks.addAll(SCAN.findingsIn(m.payload(), "a payload on " + m.topic())));
        leaks.addAll(SCAN.findingsUnder(dir));
        System.out.printf("PiiNeverLeavesTheKioskIT: %d payloads and %d files scanned%n", crossed.size(),
                RawValueScan.fileCount(dir));
        assertThat(leaks).isEmpty();
    }

    /** A shopper who types personal data into every free-text field a kiosk has, and scans a loyalty card. */
    private static List<JsonObject> shopperTyping() {
        return List.of(
                capture("wm.kiosk.search", new JsonObject().put("query", "trail shoes for " + EMAIL)
                        .put("resultCount", 0)),
                capture("wm.kiosk.product_view", new JsonObject().put("sku", "SKU-77").put("category", "shoes")
                        .put("price", 12_900).put("currency", "EUR")),
                capture("wm.kiosk.service_request", new JsonObject().put("topic", "sizing")
                        .put("note", "call me on " + PHONE + " or mail " + EMAIL)),
                capture("wm.kiosk.consent_update", new JsonObject().put("purpose", "marketing")
                        .put("channel", "email").put("state", "granted")),
                capture("wm.kiosk.feedback", new JsonObject().put("rating", 2)
                        .put("comment", "card " + CARD + " was charged twice, reach me at " + PHONE)));
    }

    /** The same person through the web collector: alias, identify with every known trait, track and page. */
    private static void feedTheWebCollector(Platform platform) throws Exception {
        CloudApi api = platform.cloud().client();
        String writeKey = platform.cloud().writeKey();
        JsonObject context = new JsonObject().put("ip", IP)
                .put("traits", new JsonObject().put("email", EMAIL).put("phone", PHONE));
        JsonObject traits = new JsonObject().put("email", EMAIL).put("phone", PHONE).put("loyaltyId", LOYALTY)
                .put("name", NAME).put("firstName", "Quintessa").put("lastName", "Marlowbridge")
                .put("address", ADDRESS);
        // The pipeline reads the log in order, so the alias sent first is processed before the calls awaited.
        List<JsonObject> calls = List.of(
                new JsonObject().put("path", "/v1/alias").put("previousId", CUSTOMER).put("userId", OTHER_CUSTOMER),
                new JsonObject().put("path", "/v1/identify").put("userId", CUSTOMER).put("anonymousId", "anon-7")
                        .put("traits", traits).put("context", context),
                new JsonObject().put("path", "/v1/track").put("userId", CUSTOMER).put("event", "Product Viewed")
                        .put("properties", new JsonObject().put("sku", "SKU-77")).put("context", context),
                new JsonObject().put("path", "/v1/page").put("userId", CUSTOMER).put("name", "Checkout")
                        .put("context", context));
        for (JsonObject call : calls) {
            String path = (String) call.remove("path");
            CloudApi.Answer answer = api.send("POST", path, null, call.put("writeKey", writeKey));
            assertThat(answer.status()).as("%s answered %s", path, answer.body()).isEqualTo(200);
        }
    }

    private static boolean carriesMaskedFreeText(List<GatewayTap.Message> messages, KioskNode kiosk) {
        return messages.stream().anyMatch(m -> m.topic().equals("wm/v1/s/" + kiosk.store() + "/d/"
                + kiosk.deviceId() + "/events") && new String(m.payload(), StandardCharsets.UTF_8).contains("[CARD]"));
    }
}
