package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {

    private static ActionDefinition.Builder action(String id) {
        return ActionDefinition.builder(id).channels(Channel.KIOSK).placements("home");
    }

    @Test
    void compile_badRule_isRejectedNamingActionAndCelError() {
        CatalogCompilation result = ActionCatalog.compile(List.of(
                action("ok").eligibility("journey.stage == 'purchase'").build(),
                action("typo").eligibility("journey.stage = 'purchase'").build()));

        assertThat(result).isInstanceOf(CatalogCompilation.Rejected.class);
        List<CatalogError> errors = ((CatalogCompilation.Rejected) result).errors();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.actionId()).isEqualTo("typo");
            assertThat(error.field()).isEqualTo("eligibility");
            assertThat(error.message()).contains("action typo:1:");
        });
    }

    @Test
    void compile_nonBooleanRule_isRejected() {
        CatalogCompilation result = ActionCatalog.compile(List.of(action("n").eligibility("journey.cartValue + 1")
                .build()));

        assertThat(((CatalogCompilation.Rejected) result).errors().get(0).message()).contains("bool");
    }

    @Test
    void compile_unknownVariable_isRejected() {
        CatalogCompilation result = ActionCatalog.compile(List.of(action("n").eligibility("customer.vip").build()));

        assertThat(((CatalogCompilation.Rejected) result).errors().get(0).message())
                .contains("undeclared reference to 'customer'");
    }

    @Test
    void compile_edgeDecidableRuleReadingProfile_isRejected() {
        CatalogCompilation result = ActionCatalog.compile(List.of(action("edge").edgeDecidable(true)
                .eligibility("profile.tier == 'gold'").build()));

        CatalogError error = ((CatalogCompilation.Rejected) result).errors().get(0);
        assertThat(error.actionId()).isEqualTo("edge");
        assertThat(error.message()).startsWith("edge-decidable rule must type-check without profile")
                .contains("undeclared reference to 'profile'");
    }

    @Test
    void compile_cloudRuleReadingProfile_isAccepted() {
        CatalogCompilation result = ActionCatalog.compile(List.of(action("cloud")
                .eligibility("profile.tier == 'gold' && 'shoes' in journey.cartCategories").build()));

        assertThat(result.orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void compile_duplicateIds_isRejected() {
        CatalogCompilation result = ActionCatalog.compile(List.of(action("x").build(), action("x").build()));

        assertThat(((CatalogCompilation.Rejected) result).errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("id"));
        assertThatThrownBy(result::orElseThrow).isInstanceOf(IllegalStateException.class).hasMessageContaining("x");
    }

    @Test
    void candidateIds_areIndexedByChannelAndPlacementInCatalogOrder() {
        ActionCatalog underTest = ActionCatalog.compile(List.of(
                action("a").channels(Channel.KIOSK, Channel.WEB).placements("home", "checkout").build(),
                action("b").channels(Channel.WEB).placements("home").build(),
                action("c").channels(Channel.KIOSK).placements("home").build())).orElseThrow();

        assertThat(underTest.candidateIds(Channel.KIOSK, "home")).containsExactly("a", "c");
        assertThat(underTest.candidateIds(Channel.WEB, "home")).containsExactly("a", "b");
        assertThat(underTest.candidateIds(Channel.KIOSK, "checkout")).containsExactly("a");
        assertThat(underTest.candidateIds(Channel.SMS, "home")).isEmpty();
        assertThat(underTest.find("b")).isPresent();
    }
}
