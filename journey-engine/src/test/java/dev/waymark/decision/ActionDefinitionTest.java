package dev.waymark.decision;

import dev.waymark.protocol.Channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActionDefinitionTest {

    private static ActionDefinition.Builder valid() {
        return ActionDefinition.builder("offer-1").channels(Channel.KIOSK, Channel.WEB).placements("home");
    }

    @Test
    void equalsAndHashCode_followValues() {
        ActionDefinition a = valid().value(3).build();
        ActionDefinition b = ActionDefinition.builder("offer-1").channels(Channel.WEB, Channel.KIOSK)
                .placements("home").value(3).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(valid().value(4).build());
    }

    @Test
    void construct_badId_isRejectedNamingId() {
        assertThatThrownBy(() -> ActionDefinition.builder("has space").channels(Channel.KIOSK).placements("p").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id:");
    }

    @Test
    void construct_noChannels_isRejectedNamingChannels() {
        assertThatThrownBy(() -> ActionDefinition.builder("x").placements("p").build())
                .hasMessageStartingWith("channels:");
    }

    @Test
    void construct_negativeValueOrTtl_isRejectedNamingField() {
        assertThatThrownBy(() -> valid().value(-1).build()).hasMessageStartingWith("value:");
        assertThatThrownBy(() -> valid().timeToLive(Duration.ZERO).build()).hasMessageStartingWith("timeToLive:");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> valid().validity(t, t).build()).hasMessageStartingWith("validUntil:");
    }

    @Test
    void channels_iterateInDeclarationOrder() {
        assertThat(ActionDefinition.builder("x").channels(Channel.EMAIL, Channel.KIOSK).placements("b", "a").build())
                .satisfies(action -> {
                    assertThat(action.channels()).containsExactly(Channel.KIOSK, Channel.EMAIL);
                    assertThat(action.placements()).containsExactly("a", "b");
                });
    }
}
