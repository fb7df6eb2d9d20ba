package dev.waymark.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.hub.support.ChildJvm;
import dev.waymark.hub.support.CloudView;
import dev.waymark.hub.support.HubFixture;
import dev.waymark.hub.support.Kiosk;
import dev.waymark.hub.support.SteadyKiosk;
import dev.waymark.hub.support.TestPki;
import dev.waymark.hub.support.UpstreamBrokerMain;
import dev.waymark.protocol.ContractCodec;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.LinkState;
import dev.waymark.protocol.device.StoreLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAN link fails under steady kiosk traffic: kiosks keep getting PUBACKs, nothing is lost or reordered, and the
 * hub tells them the store is offline (and back) on the store link topic.
 */
class HubOutageIT {

    private static final int KIOSKS = 3;

    @TempDir
    Path folder;

    @Test
    void upstreamStopped_underSteadyTraffic_losesNothingKeepsOrderAndDrainsBacklog() throws Exception {
        TestPki pki = new TestPki(folder);
        int upstreamPort = HubFixture.freePort();
        Path upstreamData = Files.createDirectories(folder.resolve("upstream"));
        String upstreamUrl = "tcp://127.0.0.1:" + upstreamPort;
        ChildJvm upstream = ChildJvm.start(UpstreamBrokerMain.class, folder.resolve("upstream-1.log"),
                upstreamData.toString(), String.valueOf(upstreamPort));
        Kiosk cloud = Kiosk.connect(upstreamUrl, "cloud-outage", null, false);
        cloud.subscribe("wm/v1/s/+/d/+/events");
        List<SteadyKiosk> kiosks = new ArrayList<>();
        try (StoreHub underTest = StoreHub.start(HubFixture.settings(folder, pki.hubKeystore(), upstreamPort),
                TestPki.PASSWORD.toCharArray())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> underTest.status().linkUp());
            Kiosk watcher = Kiosk.connect("ssl://127.0.0.1:" + underTest.mqttPort(), "kiosk-watch",
                    pki.tls(pki.kiosk(TestPki.STORE, "kiosk-watch")));
            watcher.subscribe(Topics.link(TestPki.STORE));
            await().atMost(Duration.ofSeconds(10)).until(() -> lastLink(watcher) == LinkState.UP);
            for (int i = 0; i < KIOSKS; i++) {
                String id = "kiosk-out" + i;
                kiosks.add(new SteadyKiosk(Kiosk.connect("ssl://127.0.0.1:" + underTest.mqttPort(), id,
                        pki.tls(pki.kiosk(TestPki.STORE, id))), id, Integer.MAX_VALUE));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> CloudView.firstArrivals(cloud, "kiosk-out0").size() > 100);

            upstream.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !underTest.status().linkUp());
            await("kiosks are told the store is offline").atMost(Duration.ofSeconds(10))
                    .until(() -> lastLink(watcher) == LinkState.DOWN);
            long ackedAtOutage = kiosks.get(0).acknowledged().size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> kiosks.get(0).acknowledged().size() > ackedAtOutage + 100);
            assertThat(underTest.status().bufferDepth()).isPositive();

            upstream = ChildJvm.start(UpstreamBrokerMain.class, folder.resolve("upstream-2.log"),
                    upstreamData.toString(), String.valueOf(upstreamPort));
            await().atMost(Duration.ofSeconds(60)).until(() -> underTest.status().linkUp());
            await("kiosks are told the store is back").atMost(Duration.ofSeconds(10))
                    .until(() -> lastLink(watcher) == LinkState.UP);
            watcher.close();
            long ackedAtReturn = kiosks.get(0).acknowledged().size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> kiosks.get(0).acknowledged().size() > ackedAtReturn + 100);
            for (SteadyKiosk kiosk : kiosks) {
                kiosk.stopPublishing();
                assertThat(kiosk.refusals()).as("kiosks must not notice the outage").isEmpty();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> kiosks.stream().allMatch(
                    k -> CloudView.firstArrivals(cloud, k.deviceId()).size() == k.acknowledged().size()));
            for (SteadyKiosk kiosk : kiosks) {
                assertThat(CloudView.firstArrivals(cloud, kiosk.deviceId()))
                        .as("every event of %s once, in capture order", kiosk.deviceId())
                        .containsExactlyElementsOf(kiosk.acknowledged());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> underTest.status().bufferDepth() == 0);
        } finally {
            for (SteadyKiosk kiosk : kiosks) {
                kiosk.close();
            }
            cloud.close();
            upstream.stop();
        }
    }

    private static LinkState lastLink(Kiosk watcher) {
        List<Kiosk.Received> received = watcher.received();
        return received.isEmpty() ? null : ContractCodec.create()
                .decode(received.get(received.size() - 1).payload(), StoreLink.class).orElseThrow().upstream();
    }
}
