package dev.waymark.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.waymark.dist.internal.platform.HubNode;
import dev.waymark.dist.internal.platform.KioskNode;
import dev.waymark.dist.internal.platform.Platform;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, end to end: the hub and, separately, the cloud core are killed with SIGKILL while shoppers capture at
 * three kiosks (the cloud while the kiosks' backlog from the hub's outage flows up through the restarted hub); after
 * both restarts every event a kiosk acknowledged is in the cloud exactly once, which the profile API's event counts
 * of each shopper's loyalty card prove.
 */
class CrashRecoveryIT {

    private static final int KIOSKS = 3;
    private static final int CAPTURES_PER_SECOND = 60;
    /** Visits completed between two steps, so each kill and restart happens with captures flowing. */
    private static final int VISITS_PER_STEP = 6;
    /** Visits while the hub is down: some 150 events per kiosk, a backlog of more than one batch each. */
    private static final int VISITS_WHILE_HUB_DOWN = 60;

    @TempDir
    Path dir;

    @Test
    void hubKilledMidStream_everyAcknowledgedEventCountsOnceInTheCloud() throws Exception {
        killMidStream(false);
    }

    /**
     * The cloud (and with it the embedded gateway broker) killed while the restarted hub forwards the kiosks'
     * backlog: what the broker acknowledged to the hub reaches the event log after the restart. It did not while
     * the ingest was a shared-subscription member on the embedded broker (hivemq-community-edition#558).
     */
    @Test
    void hubThenCloudKilledMidStream_everyAcknowledgedEventCountsOnceInTheCloud() throws Exception {
        killMidStream(true);
    }

    private void killMidStream(boolean alsoTheCloud) throws Exception {
        // Sessions end only when a visit ends them, so every event of a visit belongs to its shopper's profile.
        try (Platform platform = E2ePlatform.start(dir, KIOSKS, plan -> plan.withEdgeConfig(
                new JsonObject().put("sessionIdleSeconds", 3_600)))) {
            HubNode hub = platform.hubs().get(0);
            LoyaltyProfiles profiles = LoyaltyProfiles.of(platform);
            KioskTraffic traffic = KioskTraffic.start(platform.vertx(), platform.kiosks(), CAPTURES_PER_SECOND);

            moreVisits(traffic, VISITS_PER_STEP);
            hub.kill();
            moreVisits(traffic, VISITS_WHILE_HUB_DOWN);
            hub.restart();
            awaitBacklogArrivingAtTheHub(hub);
            if (alsoTheCloud) {
                platform.cloud().kill();
                moreVisits(traffic, VISITS_PER_STEP);
                platform.cloud().restart();
            }
            moreVisits(traffic, VISITS_PER_STEP);
            List<ShopperVisit.Acknowledged> ledger = traffic.stop();

            awaitEverythingForwarded(platform);
            List<ShopperVisit.Acknowledged> pending = new ArrayList<>(ledger);
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    pending.removeIf(visit -> total(profiles, visit) >= visit.total());
                    return pending.isEmpty();
                });
            } catch (ConditionTimeoutException e) {
                fail("acknowledged events missing in the cloud, of " + ledger.size() + " visits (the cloud's "
                        + ingestMetrics(platform) + "):\n" + shortfall(profiles, pending));
            }
            for (ShopperVisit.Acknowledged visit : ledger) {
                assertThat(profiles.eventsByType(visit.loyaltyId())).as("events of card %s", visit.loyaltyId())
                        .isEqualTo(visit.byType());
            }
            System.out.printf("CrashRecoveryIT: %d visits, %d acknowledged events, each counted once%n",
                    ledger.size(), ledger.stream().mapToLong(ShopperVisit.Acknowledged::total).sum());
        }
    }

    private static void moreVisits(KioskTraffic traffic, int visits) {
        int target = traffic.visits() + visits;
        await().atMost(Duration.ofMinutes(2)).until(() -> traffic.visits() >= target);
    }

    /**
     * The restarted hub has taken event batches from the kiosks' backlog (beyond the status each kiosk publishes
     * when it connects), so the backlog is on its way to the cloud when the cloud is killed.
     */
    private static void awaitBacklogArrivingAtTheHub(HubNode hub) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> hub.statusNow()
                .getJsonObject("counters", new JsonObject()).getLong("accepted", 0L) >= 2L * KIOSKS);
    }

    /** The kiosks' outboxes and the hub's buffer are empty: everything acknowledged went upstream. */
    private static void awaitEverythingForwarded(Platform platform) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                platform.kiosks().stream().map(KioskNode::agent).allMatch(agent -> agent.status().outboxEvents() == 0)
                        && platform.hubs().stream().allMatch(hub -> Long.valueOf(0).equals(
                                hub.statusNow().getLong("bufferDepth"))));
    }

    /** How many visits and events are short, and per visit (the first ten) which events the journey never saw. */
    private static String shortfall(LoyaltyProfiles profiles, List<ShopperVisit.Acknowledged> visits)
            throws IOException {
        StringBuilder details = new StringBuilder();
        long missing = 0;
        int shown = 0;
        for (ShopperVisit.Acknowledged visit : visits) {
            missing += visit.total() - profiles.eventTotal(visit.loyaltyId());
            if (shown++ < 10) {
                Set<String> seen = profiles.recentEventIds(visit.loyaltyId());
                details.append(visit.loyaltyId()).append(": acknowledged ").append(visit.byType())
                        .append(", counted ").append(profiles.eventsByType(visit.loyaltyId()))
                        .append(", not in its journey:");
                visit.events().stream().filter(event -> !seen.contains(event.id())).forEach(event -> details
                        .append(' ').append(event.type()).append(" #").append(event.sequence()));
                details.append('\n');
            }
        }
        return visits.size() + " visits short by " + missing + " events; the first ones:\n" + details;
    }

    /** The gateway's and the pipeline's event counters since the cloud's last start, from {@code /metrics}. */
    private static String ingestMetrics(Platform platform) throws IOException {
        return String.join(", ", platform.cloud().client().get("/metrics", platform.cloud().secretKey()).body()
                .lines().filter(line -> line.startsWith("wm_gateway_events") || line.startsWith("wm_pipeline_events"))
                .toList());
    }

    private static long total(LoyaltyProfiles profiles, ShopperVisit.Acknowledged visit) {
        try {
            return profiles.eventTotal(visit.loyaltyId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
