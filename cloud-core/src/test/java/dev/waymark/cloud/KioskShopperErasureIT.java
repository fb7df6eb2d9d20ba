package dev.waymark.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.ApiClient.Credential;
import dev.waymark.cloud.testing.DataDirScan;
import dev.waymark.cloud.testing.EnrolledHub;
import dev.waymark.cloud.testing.HubClient;
import dev.waymark.cloud.testing.RunningCloud;
import dev.waymark.privacy.Pseudonymizer;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.PersonalData;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.SessionStart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a kiosk shopper whose events came through an enrolled hub and the embedded gateway: the store's files
 * keep no byte of their loyalty token or kiosk session. The gateway's broker persistence is left out of the scan:
 * HiveMQ's RocksDB logs keep delivered payloads until they roll over, which erasure cannot reach (docs/privacy.md).
 */
class KioskShopperErasureIT {

    private static final EventCodec CODEC = EventCodec.create();
    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void erase_kioskShopper_leavesNoByteOfTheirTokenOrSessionInTheStoreFiles() throws Exception {
        try (RunningCloud running = RunningCloud.start(dir.resolve("cloud"))) {
            ApiClient api = ApiClient.asAdmin(running.cloud().httpPort(), RunningCloud.ADMIN_PASSWORD);
            EnrolledHub hub = EnrolledHub.enroll(running.cloud().provisioningPort(), running.cloud().caFingerprint(),
                    api.secretKey(), "s1", dir.resolve("hub"));
            Pseudonymizer tokens = Pseudonymizer.of(hub.key());
            String erased = tokens.token(PersonalData.LOYALTY_ID, "6012 4410 7731 9911");
            String kept = tokens.token(PersonalData.LOYALTY_ID, "6012 4410 7731 2222");
            try (HubClient client = HubClient.connect(running.gatewayUrl(), hub.deviceId(), hub.sockets())) {
                publish(client, 1, new SessionStart("sess-erased", "en-GB"));
                publish(client, 2, new LoyaltyScan("sess-erased", erased));
                publish(client, 3, new SessionStart("sess-kept", "en-GB"));
                publish(client, 4, new LoyaltyScan("sess-kept", kept));
            }
            String path = "/v1/profiles/loyalty/" + URLEncoder.encode(erased, StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.send("GET", "/v1/profiles/loyalty/"
                    + URLEncoder.encode(kept, StandardCharsets.UTF_8), null, Credential.SECRET_KEY).status() == 200);
            assertThat(api.send("GET", path + "/export", null, Credential.SECRET_KEY).json()
                    .getJsonObject("profile").getJsonArray("identities").encode()).contains("s1/k1/sess-erased");

            ApiClient.Answer erasure = api.send("DELETE", path, null, Credential.SECRET_KEY);

            assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
            assertThat(erasure.json().getString("walCheckpoint")).isEqualTo("complete");
            Path broker = Path.of("gateway", "broker");
            assertThat(DataDirScan.found(dir.resolve("cloud"), List.of(erased, "sess-erased"), broker))
                    .as("the erased shopper in the store's files").isEmpty();
            assertThat(DataDirScan.found(dir.resolve("cloud"), List.of(kept, "sess-kept"), broker)).hasSize(2);
        }
    }

    private static void publish(HubClient client, long sequence, dev.waymark.protocol.Payload payload)
            throws Exception {
        CloudEvent event = CloudEvent.of(IDS.next(), Source.device("s1", "k1"), Instant.now(), sequence, payload);
        assertThat(client.publish(Topics.events("s1", "k1"), CODEC.encode(event))).isLessThan(0x80);
    }
}
