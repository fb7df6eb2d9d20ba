package dev.waymark.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.dist.internal.platform.HubNode;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, end to end: a kiosk revoked through provisioning is disconnected by its hub, which follows the revocation
 * feed, and every reconnect it tries is refused; it keeps taking captures into its own outbox, while the other kiosk
 * of the store still delivers to the cloud.
 */
class RevokedKioskIT {

    @TempDir
    Path dir;

    @Test
    void revokedKiosk_isDisconnectedAndRefusedWhileTheOtherKioskStillDelivers() throws Exception {
        try (Platform platform = E2ePlatform.start(dir, 2, plan -> plan)) {
            HubNode hub = platform.hubs().get(0);
            KioskNode revoked = platform.kiosks().get(0);
            KioskNode other = platform.kiosks().get(1);
            LoyaltyProfiles profiles = LoyaltyProfiles.of(platform);
            try (KioskSocket revokedScreen = KioskSocket.open(platform.vertx(), revoked.captureApi());
                 KioskSocket otherScreen = KioskSocket.open(platform.vertx(), other.captureApi())) {
                ShopperVisit.Acknowledged early = ShopperVisit.walk(revokedScreen, "LC-R-1", ShopperVisit.browsing(2));
                awaitInTheCloud(profiles, early);
                long refusedBefore = refusedConnects(hub);

                platform.provisioningAdmin().revoke(revoked.deviceId());

                await().atMost(Duration.ofMinutes(2)).until(() -> !revoked.agent().status().connected()
                        && !online(hub, revoked.deviceId()) && refusedConnects(hub) > refusedBefore);
                ShopperVisit.Acknowledged stranded = ShopperVisit.walk(revokedScreen, "LC-R-2",
                        ShopperVisit.browsing(2));
                ShopperVisit.Acknowledged delivered = ShopperVisit.walk(otherScreen, "LC-O-1",
                        ShopperVisit.browsing(3));
                long refusedAfterCapture = refusedConnects(hub);

                awaitInTheCloud(profiles, delivered);
                // Two more refused reconnects after the stranded visit was stored: the agent keeps trying, in vain.
                await().atMost(Duration.ofMinutes(1)).until(() -> refusedConnects(hub) >= refusedAfterCapture + 2);
                assertThat(revoked.agent().status().connected()).as("revoked kiosk connected").isFalse();
                assertThat(online(hub, revoked.deviceId())).as("revoked kiosk online at the hub").isFalse();
                assertThat(revoked.agent().status().outboxEvents()).isGreaterThanOrEqualTo(stranded.total());
                assertThat(profiles.profile(stranded.loyaltyId())).as("stranded visit in the cloud").isEmpty();
                assertThat(other.agent().status().connected()).as("other kiosk connected").isTrue();
            }
        }
    }

    private static void awaitInTheCloud(LoyaltyProfiles profiles, ShopperVisit.Acknowledged visit) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(profiles.eventsByType(visit.loyaltyId())).isEqualTo(visit.byType()));
    }

    private static long refusedConnects(HubNode hub) {
        return hub.statusNow().getJsonObject("counters", new JsonObject()).getLong("refusedConnects", -1L);
    }

    private static boolean online(HubNode hub, String deviceId) {
        return hub.statusNow().getJsonArray("devices", new JsonArray()).stream().map(JsonObject.class::cast)
                .anyMatch(device -> deviceId.equals(device.getString("deviceId")) && device.getBoolean("online"));
    }
}
