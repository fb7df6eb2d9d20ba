package dev.waymark.cloud.internal.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.cloud.internal.decision.catalog.ActionJson;
import dev.waymark.cloud.internal.decision.catalog.CatalogEntry;
import dev.waymark.cloud.internal.decision.catalog.DefaultCatalog;
import dev.waymark.cloud.internal.decision.catalog.InvalidField;
import dev.waymark.cloud.internal.decision.catalog.PolicyJson;
import dev.waymark.cloud.internal.decision.outbox.OutboxSettings;
import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.ContactCap;
import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.DecisionPolicies;
import dev.waymark.decision.QuietHours;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

    @Test
    void actionJson_writeThenRead_givesAnEqualEntry() {
        CatalogEntry underTest = new CatalogEntry(ActionDefinition.builder("bundle-1").category(ActionCategory.CARE)
                .channels(Channel.KIOSK, Channel.WEB).placements("home", "web-banner").value(4.5).weight(0.5)
                .timeToLive(Duration.ofMinutes(3)).consentPurpose("service").edgeDecidable(true)
                .eligibility("journey.cartItems > 1").build(), "Title", "Body", "SEK");

        CatalogEntry read = ActionJson.read("action", ActionJson.write(underTest));

        assertThat(read).isEqualTo(underTest).hasSameHashCodeAs(underTest);
        assertThat(read).isNotEqualTo(new CatalogEntry(underTest.definition(), "Other", "Body", "SEK"));
    }

    @Test
    void policyJson_writeThenRead_givesEqualPolicies() {
        DecisionPolicies underTest = DecisionPolicies.defaults()
                .withCaps(List.of(ContactCap.perDay(Channel.SMS, ActionCategory.SALES, 2)))
                .withCooldown(Duration.ofMinutes(5), Map.of("a", Duration.ofHours(1)))
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .withControlGroup(new ControlGroupPolicy(5, "spring")).withMaxActions(3).withExplore(false);

        assertThat(PolicyJson.read(PolicyJson.write(underTest))).isEqualTo(underTest);
    }

    @Test
    void policyJson_badQuietHours_namesTheField() {
        assertThatThrownBy(() -> PolicyJson.read(new JsonObject().put("quietHours",
                new JsonObject().put("start", "25:00").put("end", "08:00"))))
                .isInstanceOfSatisfying(InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("policies.quietHours.start"));
        assertThatThrownBy(() -> PolicyJson.read(new JsonObject().put("controlGroup",
                new JsonObject().put("percent", 120))))
                .isInstanceOfSatisfying(InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("policies.controlGroup.percent"));
    }

    @Test
    void defaultCatalog_compilesWithTheShippedPatterns() {
        assertThat(DefaultCatalog.draft().catalog().candidateIds(Channel.KIOSK, "kiosk-offer"))
                .containsExactly("cart-rescue-10", "fitting-help");
        assertThat(DefaultCatalog.draft().patterns().named("cart_abandonment")).isPresent();
    }

    @Test
    void outboxSettings_badValues_nameTheKey() {
        assertThatThrownBy(() -> OutboxSettings.from(new JsonObject().put(OutboxSettings.WEBHOOK_URL, "ftp://x")))
                .hasMessageStartingWith(OutboxSettings.WEBHOOK_URL);
        assertThatThrownBy(() -> OutboxSettings.from(new JsonObject().put(OutboxSettings.WEBHOOK_URL, "https://x")
                .put(OutboxSettings.WEBHOOK_SECRET, "short"))).hasMessageStartingWith(OutboxSettings.WEBHOOK_SECRET);
        assertThatThrownBy(() -> OutboxSettings.from(new JsonObject().put(OutboxSettings.MAX_ATTEMPTS, 0)))
                .hasMessageStartingWith(OutboxSettings.MAX_ATTEMPTS);
        assertThatThrownBy(() -> OutboxSettings.from(new JsonObject().put(OutboxSettings.KEEP_FINISHED_MS, 0)))
                .hasMessageStartingWith(OutboxSettings.KEEP_FINISHED_MS);
        assertThat(OutboxSettings.from(new JsonObject()).maxAttempts()).isEqualTo(8);
        assertThat(OutboxSettings.from(new JsonObject()).keepFinished()).isEqualTo(Duration.ofDays(7));
    }
}
