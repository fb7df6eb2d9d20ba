package dev.waymark.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.hub.support.Events;
import dev.waymark.hub.support.HubFixture;
import dev.waymark.hub.support.Kiosk;
import dev.waymark.hub.support.TestPki;
import dev.waymark.protocol.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev mode opens a plain port where the client id names the device; the topic permissions still hold. */
class HubDevModeIT {

    @TempDir
    Path folder;

    @Test
    void devMode_plainClient_publishesOwnEventsAndIsStillConfinedToItsTopics() throws Exception {
        TestPki pki = new TestPki(folder);
        // No upstream: the bridge keeps retrying while the outbox holds the events.
        HubSettings settings = HubSettings.load(HubFixture.hubJson(folder, pki.hubKeystore(), 0,
                HubFixture.freePort(), true));
        try (StoreHub underTest = StoreHub.start(settings, TestPki.PASSWORD.toCharArray());
             Kiosk dev = Kiosk.connect("tcp://127.0.0.1:" + underTest.devPort(), "kiosk-dev", null)) {
            assertThat(underTest.devPort()).isPositive();
            assertThat(dev.publish(Topics.events(TestPki.STORE, "kiosk-dev"),
                    Events.batch(TestPki.STORE, "kiosk-dev", 0, 2), false)).isLessThan(0x80);
            assertThat(dev.subscribe("#")).isEqualTo(0x87);
            assertThat(underTest.status().bufferDepth()).isEqualTo(1);
        }
    }
}
