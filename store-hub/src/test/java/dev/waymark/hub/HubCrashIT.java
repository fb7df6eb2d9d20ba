package dev.waymark.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.hub.support.ChildJvm;
import dev.waymark.hub.support.CloudView;
import dev.waymark.hub.support.HubFixture;
import dev.waymark.hub.support.HubProcessMain;
import dev.waymark.hub.support.Kiosk;
import dev.waymark.hub.support.SteadyKiosk;
import dev.waymark.hub.support.TestPki;
import dev.waymark.hub.support.UpstreamBrokerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub process is SIGKILLed while a kiosk streams: every event it acknowledged still reaches the cloud. */
class HubCrashIT {

    @TempDir
    Path folder;

    @Test
    void hubKilledMidStream_restarted_deliversEveryAcknowledgedEvent() throws Exception {
        TestPki pki = new TestPki(folder);
        int upstreamPort = HubFixture.freePort();
        int hubPort = HubFixture.freePort();
        Path hubJson = HubFixture.hubJson(folder, pki.hubKeystore(), hubPort, upstreamPort, false);
        String kioskId = "kiosk-crash";
        try (ChildJvm upstream = ChildJvm.start(UpstreamBrokerMain.class, folder.resolve("upstream.log"),
                Files.createDirectories(folder.resolve("upstream")).toString(), String.valueOf(upstreamPort));
             Kiosk cloud = Kiosk.connect("tcp://127.0.0.1:" + upstreamPort, "cloud-crash", null, false)) {
            cloud.subscribe("wm/v1/s/+/d/+/events");
            ChildJvm hub = ChildJvm.start(HubProcessMain.class, folder.resolve("hub-1.log"), hubJson.toString());
            SteadyKiosk kiosk = new SteadyKiosk(Kiosk.connect("ssl://127.0.0.1:" + hubPort, kioskId,
                    pki.tls(pki.kiosk(TestPki.STORE, kioskId))), kioskId, Integer.MAX_VALUE);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> kiosk.acknowledged().size() > 500);

                hub.kill();
                kiosk.awaitDone();
                int acknowledged = kiosk.acknowledged().size();
                assertThat(acknowledged).isGreaterThan(500);

                hub = ChildJvm.start(HubProcessMain.class, folder.resolve("hub-2.log"), hubJson.toString());
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        CloudView.firstArrivals(cloud, kioskId).containsAll(kiosk.acknowledged()));
                assertThat(CloudView.firstArrivals(cloud, kioskId)).startsWith(
                        kiosk.acknowledged().toArray(Long[]::new));
            } finally {
                kiosk.close();
                hub.close();
            }
        }
    }
}
