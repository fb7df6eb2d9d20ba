package dev.waymark.cloud.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.journey.JourneyContext;
import dev.waymark.journey.JourneyEngine;
import dev.waymark.journey.JourneySettings;
import dev.waymark.journey.RecentActivity;
import dev.waymark.journey.ServiceJourney;
import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Ulid;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneyMergeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final JourneyEngine engine = JourneyEngine.defaults();
    private long sequence;

    @Test
    void of_webVisitThenKioskSession_keepsBothChannelsAndTheKiosksMoment() {
        JourneyContext web = apply("web", webView("m-1", 0, "running-shoes"), webView("m-2", 1, "socks"));
        JourneyContext kiosk = apply("kiosk", kiosk(60, new SessionStart("s1", "en")),
                kiosk(61, new CartAdd("s1", "SKU-1", "packs", 1, 5999, "EUR")),
                kiosk(62, new LoyaltyScan("s1", "tok:k1:member")));

        JourneyContext survivor = JourneyMerge.survivor(web, kiosk);
        JourneyContext merged = JourneyMerge.of(survivor, web, "into", JourneySettings.defaults());

        assertThat(survivor).isSameAs(kiosk);
        assertThat(merged.profileKey()).isEqualTo("into");
        assertThat(merged.sessions()).containsOnlyKeys(Channel.WEB, Channel.KIOSK);
        assertThat(merged.recent()).extracting(RecentActivity::channel).containsExactly(Channel.WEB, Channel.WEB,
                Channel.KIOSK, Channel.KIOSK, Channel.KIOSK);
        assertThat(merged.stage()).isEqualTo(kiosk.stage());
        assertThat(merged.cart()).isEqualTo(kiosk.cart());
        assertThat(merged.asOf()).isEqualTo(kiosk.asOf());
        assertThat(merged.pendingTimers()).isEqualTo(kiosk.pendingTimers());
        assertThat(merged.webEventIds()).isEqualTo(web.webEventIds());
        assertThat(merged.sources()).isEqualTo(kiosk.sources());
        assertThat(merged.counters().asMap()).containsKeys("view:running-shoes", "view:socks");
    }

    @Test
    void of_serviceJourneyOpenOnTheOlderProfile_staysOpen() {
        JourneyContext older = apply("a", kiosk(0, new ServiceRequest("s1", "fitting", Optional.empty())));
        JourneyContext newer = apply("b", kiosk(5, new SessionStart("s2", "en")));

        JourneyContext merged = JourneyMerge.of(JourneyMerge.survivor(older, newer), older, "a",
                JourneySettings.defaults());

        assertThat(merged.serviceJourneys()).extracting(ServiceJourney::topic).containsExactly("fitting");
        assertThat(merged.facts()).containsEntry("openServiceJourney", true);
    }

    @Test
    void of_longHistories_keepsTheNewestWithinTheEnginesBounds() {
        JourneyContext a = JourneyContext.empty("a");
        JourneyContext b = JourneyContext.empty("b");
        for (int i = 0; i < 15; i++) {
            a = engine.onEvent(a, webView("a-" + i, i, "jackets")).state();
            b = engine.onEvent(b, webView("b-" + i, 100 + i, "packs")).state();
        }

        JourneyContext merged = JourneyMerge.of(JourneyMerge.survivor(a, b), a, "a", JourneySettings.defaults());

        assertThat(merged.recent()).hasSize(JourneySettings.defaults().recentActivities());
        assertThat(merged.recent().get(0).eventId()).isEqualTo("a-10");
        assertThat(merged.recent().get(merged.recent().size() - 1).eventId()).isEqualTo("b-14");
        assertThat(merged.webEventIds()).hasSize(30);
    }

    private JourneyContext apply(String profile, CloudEvent... events) {
        JourneyContext context = JourneyContext.empty(profile);
        for (CloudEvent event : events) {
            context = engine.onEvent(context, event).state();
        }
        return context;
    }

    private CloudEvent kiosk(int minute, Payload data) {
        sequence++;
        Instant at = T0.plusSeconds(60L * minute);
        return CloudEvent.of(Ulid.of(at.toEpochMilli(), 7, sequence), Source.device("store-1", "kiosk-1"), at,
                sequence, data);
    }

    private static CloudEvent webView(String id, int minute, String category) {
        return CloudEvent.of(id, Source.web("wk_shop"), T0.plusSeconds(60L * minute), 0, new WebTrack(
                Optional.of("anon-1"), Optional.empty(), "Product Viewed", Json.createObjectBuilder()
                .add("sku", "SKU-" + category).add("category", category).build(), Json.createObjectBuilder().build()));
    }
}
