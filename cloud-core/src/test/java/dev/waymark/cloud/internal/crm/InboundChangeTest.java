package dev.waymark.cloud.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.cloud.internal.identity.Identifier;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboundChangeTest {

    private static final Set<String> TRAITS = Set.of("tier", "contractEndDate");

    @Test
    void read_traitsAndCase_givesTheChangeWithRemovalsAsEmpty() throws Exception {
        InboundChange underTest = InboundChange.read("""
                {"id": "evt-1", "contact": {"namespace": "crm", "id": "tok:1"},
                 "traits": {"tier": "gold", "contractEndDate": null},
                 "case": {"id": "case-7", "topic": "complaint", "status": "closed"}}""", TRAITS);

        assertThat(underTest.id()).isEqualTo("evt-1");
        assertThat(underTest.contact()).isEqualTo(new Identifier("crm", "tok:1"));
        assertThat(underTest.traits()).containsEntry("tier", Optional.of("gold"))
                .containsEntry("contractEndDate", Optional.empty());
        assertThat(underTest.serviceCase()).contains(new InboundChange.ServiceCase("case-7", "complaint", false));
    }

    @Test
    void read_badInput_namesTheField() {
        assertField("not json", "$");
        assertField("{\"contact\": {\"namespace\": \"crm\", \"id\": \"x\"}, \"traits\": {\"tier\": \"a\"}}", "id");
        assertField("{\"id\": \"e\", \"traits\": {\"tier\": \"a\"}}", "contact");
        assertField("{\"id\": \"e\", \"contact\": {\"namespace\": \"email\", \"id\": \"x\"}, \"traits\": {}}",
                "contact.namespace");
        assertField("{\"id\": \"e\", \"contact\": {\"namespace\": \"crm\", \"id\": \"x\"}}", "$");
        assertField("{\"id\": \"e\", \"contact\": {\"namespace\": \"crm\", \"id\": \"x\"}, "
                + "\"traits\": {\"contractEndDate\": \"next year\"}}", "traits.contractEndDate");
        assertField("{\"id\": \"e\", \"contact\": {\"namespace\": \"crm\", \"id\": \"x\"}, "
                + "\"traits\": {\"tier\": 3}}", "traits.tier");
        assertField("{\"id\": \"e\", \"contact\": {\"namespace\": \"crm\", \"id\": \"x\"}, "
                + "\"case\": {\"id\": \"c\", \"topic\": \"t\", \"status\": \"pending\"}}", "case.status");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> InboundChange.read(body, TRAITS)).isInstanceOfSatisfying(
                InboundChange.Invalid.class, invalid -> assertThat(invalid.field).isEqualTo(field));
    }
}
