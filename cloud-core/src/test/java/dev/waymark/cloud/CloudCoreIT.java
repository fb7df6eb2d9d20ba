package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.testing.EnrolledHub;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.cloud.testing.RunningCloud;
import dev.waymark.privacy.Pseudonymizer;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.PersonalData;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.action.Action;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionStart;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud core as one process: a hub enrolled through the cloud's own provisioning connects to the embedded
 * gateway with mutual TLS and plays kiosk traffic; web calls come through the Segment-compatible collector.
 */
class CloudCoreIT {

    private static final EventCodec CODEC = EventCodec.create();
    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), new SecureRandom());

    @TempDir
    static Path dir;
    static RunningCloud running;
    static ApiClient api;
    static String adminKey;
    static EnrolledHub hub;

    @BeforeAll
    static void start() throws Exception {
        running = RunningCloud.start(dir.resolve("cloud"));
        api = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD);
        adminKey = api.secretKey();
        hub = EnrolledHub.enroll(running.cloud().provisioningPort(), running.cloud().caFingerprint(), adminKey,
                "s1", dir.resolve("hub"));
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    @Test
    void kioskServiceRequest_getsHelpOnThatKiosk_andTheProfileExplainsIt() throws Exception {
        try (HubClient client = HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets())) {
            assertThat(client.subscribe(Topics.actions("s1", "k1"))).isLessThan(0x80);
            String session = "sess-help";

            publish(client, "k1", 1, new SessionStart(session, "en-GB"));
            publish(client, "k1", 2, new ServiceRequest(session, "fitting", Optional.empty()));

            await().atMost(Duration.ofSeconds(30)).until(() -> !client.received().isEmpty());
            Action action = ContractCodec.create().decode(client.received().get(0).payload(), Action.class)
                    .orElseThrow();
            assertThat(action.actionId()).isEqualTo("fitting-help");
            assertThat(client.received().get(0).expirySeconds()).isPositive();
            ApiClient.Answer profile = get("/v1/profiles/kiosk_session/" + encode("s1/k1/" + session));
            assertThat(profile.status()).isEqualTo(200);
            JsonArray decisions = profile.json().getJsonArray("decisions");
            assertThat(decisions.encode()).contains(action.decisionId(), "fitting-help", "cart-rescue-10");
        }
    }

    @Test
    void kioskLoyaltyScanAndWebIdentify_withTheSameCard_resolveToOneProfileWithBothChannels() throws Exception {
        String card = "6012 4410 7731 9911";
        String token = Pseudonymizer.of(hub.key()).token(PersonalData.LOYALTY_ID, card);
        try (HubClient client = HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets())) {
            publish(client, "k2", 1, new SessionStart("sess-loyal", "en-GB"));
            publish(client, "k2", 2, new LoyaltyScan("sess-loyal", token));
        }
        ApiClient.Answer identify = segment("/v1/identify", new JsonObject()
                .put("anonymousId", "anon-7").put("messageId", "msg-identify-1")
                .put("traits", new JsonObject().put("loyaltyId", card).put("email", "ann@example.com")));
        assertThat(identify.status()).isEqualTo(200);
        assertThat(segment("/v1/track", new JsonObject().put("anonymousId", "anon-7")
                .put("messageId", "msg-view-1").put("event", "Product Viewed")
                .put("properties", new JsonObject().put("sku", "SKU-1").put("category", "shoes"))).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Answer profile = get("/v1/profiles/loyalty/" + encode(token));
            assertThat(profile.status()).isEqualTo(200);
            assertThat(profile.json().getJsonArray("identities").encode())
                    .contains("kiosk_session", "s1/k2/sess-loyal", "cookie", "anon-7", "email");
            assertThat(profile.json().getJsonObject("journey").getJsonArray("channels").encode())
                    .contains("kiosk", "web");
        });
        assertThat(get("/v1/profiles/cookie/anon-7").json().getString("profileId"))
                .isEqualTo(get("/v1/profiles/loyalty/" + encode(token)).json().getString("profileId"));
    }

    private static void publish(HubClient client, String device, long sequence,
            dev.waymark.protocol.Payload payload) throws Exception {
        CloudEvent event = CloudEvent.of(IDS.next(), Source.device("s1", device), Instant.now(), sequence, payload);
        assertThat(client.publish(Topics.events("s1", device), CODEC.encode(event))).isLessThan(0x80);
    }

    private static ApiClient.Answer get(String path) {
        return api.send("GET", path, null, Credential.SECRET_KEY);
    }

    private static ApiClient.Answer segment(String path, JsonObject call) {
        return api.send("POST", path, call.encode(), Credential.WRITE_KEY);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
