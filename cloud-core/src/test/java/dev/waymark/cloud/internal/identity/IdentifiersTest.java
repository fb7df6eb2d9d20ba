package dev.waymark.cloud.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.OutcomeImpression;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebAlias;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    private static Identifier id(String namespace, String value) {
        return new Identifier(namespace, value);
    }

    @Test
    void of_kioskEventWithSession_givesTheStoreScopedKioskSession() {
        var event = TestEvents.device("store-9", "kiosk-3", new SessionStart("sess-1", "en"));

        assertThat(Identifiers.of(event)).containsExactly(id("kiosk_session", "store-9/kiosk-3/sess-1"));
    }

    @Test
    void of_loyaltyScan_givesSessionAndLoyaltyToken() {
        assertThat(Identifiers.of(TestEvents.loyaltyScan("sess-2", "tok:L1")))
                .containsExactly(id("kiosk_session", "store-1/kiosk-1/sess-2"), id("loyalty", "tok:L1"));
    }

    @Test
    void of_webIdentify_givesCookieCrmAndTraitTokens() {
        var event = TestEvents.identify("anon-1", Optional.of("tok:U1"),
                Map.of("email", "tok:E1", "phone", "tok:P1", "loyaltyId", "tok:L1", "firstName", "tok:N"),
                TestEvents.json(Map.of()));

        assertThat(Identifiers.of(event)).containsExactlyInAnyOrder(id("cookie", "anon-1"), id("crm", "tok:U1"),
                id("email", "tok:E1"), id("phone", "tok:P1"), id("loyalty", "tok:L1"));
    }

    @Test
    void of_alias_linksUserIdWithPreviousTokenAsCrmAndPreviousAnonymousIdAsCookie() {
        assertThat(Identifiers.of(TestEvents.web(new WebAlias("tok:old", "tok:new"))))
                .containsExactly(id("crm", "tok:new"), id("crm", "tok:old"));
        assertThat(Identifiers.of(TestEvents.web(new WebAlias("anon-5", "tok:new"))))
                .containsExactly(id("crm", "tok:new"), id("cookie", "anon-5"));
    }

    @Test
    void of_eventsWithoutIdentifiers_giveNothing() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        assertThat(Identifiers.of(TestEvents.device("s", "k", new Heartbeat("1.0", 0, now)))).isEmpty();
        assertThat(Identifiers.of(TestEvents.device("s", "k", new OutcomeImpression("a", "d", "p")))).isEmpty();
    }

    @Test
    void of_oversizeOrNonTextTraits_areLeftOut() {
        var event = TestEvents.identify("x".repeat(Identifiers.MAX_VALUE_CHARS + 1), Optional.of("tok:U"),
                Map.of("email", "  "), TestEvents.json(Map.of()));

        assertThat(Identifiers.of(event)).containsExactly(id("crm", "tok:U"));
    }
}
