package dev.waymark.cloud.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmMessageTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void json_readBack_isTheSameMessage_andEqualsFollowsTheValues() {
        CrmMessage underTest = new CrmMessage("outcome:d:a:accept", CrmMessage.OUTCOME, "p-1", AT,
                new JsonObject().put("kind", "accept"));

        assertThat(CrmMessage.of(underTest.json())).isEqualTo(underTest).hasSameHashCodeAs(underTest);
        assertThat(underTest).isNotEqualTo(new CrmMessage("outcome:d:a:accept", CrmMessage.OUTCOME, "p-2", AT,
                new JsonObject().put("kind", "accept")));
        assertThat(underTest.changesContact()).isFalse();
        assertThat(new CrmMessage("m", CrmMessage.MERGED, "p", AT, new JsonObject()).changesContact()).isTrue();
    }

    @Test
    void fieldMapping_mapsPathsLeavesMissingOnesOutAndWritesStructuresAsJsonText() {
        CrmMessage message = new CrmMessage("linked:p-1:e", CrmMessage.LINKED, "p-1", AT, new JsonObject()
                .put("identifiers", new JsonArray().add(new JsonObject().put("namespace", "crm").put("id", "t"))));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Change__c", "type");
        fields.put("Ids__c", "data.identifiers");
        fields.put("From__c", "data.from");

        assertThat(FieldMapping.apply(fields, message)).isEqualTo(new JsonObject().put("Change__c", "profile.linked")
                .put("Ids__c", "[{\"namespace\":\"crm\",\"id\":\"t\"}]"));
    }
}
