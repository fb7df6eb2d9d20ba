package dev.waymark.cloud.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrmSettingsTest {

    @Test
    void from_emptySection_sendsNothingAndKeepsInboundOff() {
        CrmSettings underTest = CrmSettings.from(new JsonObject());

        assertThat(underTest.sends()).isFalse();
        assertThat(underTest.inboundSecret()).isEmpty();
        assertThat(underTest.inboundWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(underTest.namespaces()).containsExactlyInAnyOrder("crm", "loyalty");
        assertThat(underTest.traits()).containsExactlyInAnyOrder("tier", "contractEndDate", "householdId");
    }

    @Test
    void from_bothConnectors_readsThemWithTheSalesforceDefaults() {
        CrmSettings underTest = CrmSettings.from(new JsonObject()
                .put("webhook", new JsonObject().put("url", "https://crm.example/hook").put("secret", "s".repeat(16)))
                .put("salesforce", new JsonObject().put("tokenUrl", "https://login.example/token")
                        .put("clientId", "id").put("clientSecret", "secret"))
                .put("namespaces", new JsonArray().add("crm")));

        assertThat(underTest.sends()).isTrue();
        assertThat(underTest.webhook().orElseThrow().url()).hasToString("https://crm.example/hook");
        SalesforceSettings salesforce = underTest.salesforce().orElseThrow();
        assertThat(salesforce.instanceUrl()).isEmpty();
        assertThat(salesforce.contactKey()).isEqualTo("Waymark_Id__c");
        assertThat(salesforce.contactFields()).isEqualTo(SalesforceSettings.CONTACT_FIELDS);
        assertThat(underTest.namespaces()).containsExactly("crm");
    }

    @Test
    void from_badValues_namesTheKey() {
        assertThatThrownBy(() -> CrmSettings.from(new JsonObject().put("webhook", new JsonObject()
                .put("url", "ftp://crm.example").put("secret", "s".repeat(16)))))
                .hasMessageStartingWith("crm.webhook.url: must be an http or https URL");
        assertThatThrownBy(() -> CrmSettings.from(new JsonObject().put("webhook", new JsonObject()
                .put("url", "https://crm.example").put("secret", "short"))))
                .hasMessageStartingWith("crm.webhook.secret:");
        assertThatThrownBy(() -> CrmSettings.from(new JsonObject().put("inboundSecret", "short")))
                .hasMessageStartingWith(CrmSettings.INBOUND_SECRET);
        assertThatThrownBy(() -> CrmSettings.from(new JsonObject().put("inboundWindowSeconds", 0)))
                .hasMessageStartingWith(CrmSettings.INBOUND_WINDOW);
        assertThatThrownBy(() -> CrmSettings.from(new JsonObject().put("salesforce", new JsonObject()
                .put("tokenUrl", "https://login.example/token").put("clientId", "id"))))
                .hasMessageStartingWith("crm.salesforce.clientSecret: is required");
        assertThatThrownBy(() -> CrmSettings.from(new JsonObject().put("salesforce", new JsonObject()
                .put("tokenUrl", "https://login.example/token").put("clientId", "id").put("clientSecret", "s")
                .put("contactObject", "Contact/../x"))))
                .hasMessageContaining("is not an API name");
        assertThatThrownBy(() -> CrmSettings.from(new JsonObject().put("traits", "tier")))
                .hasMessageStartingWith("crm.*: a setting has the wrong type");
    }
}
