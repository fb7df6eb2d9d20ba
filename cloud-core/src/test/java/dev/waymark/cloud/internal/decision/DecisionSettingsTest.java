package dev.waymark.cloud.internal.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecisionSettingsTest {

    @Test
    void from_nothingSet_givesTheDefaults() {
        assertThat(DecisionSettings.from(new JsonObject())).isEqualTo(DecisionSettings.DEFAULTS);
        assertThat(DecisionSettings.DEFAULTS.kioskTriggerMaxAge()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void from_isoDuration_isRead() {
        assertThat(DecisionSettings.from(new JsonObject().put("decisions.kioskTriggerMaxAge", "PT5S"))
                .kioskTriggerMaxAge()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void from_malformedZeroOrWrongType_isRefusedNamingTheKey() {
        for (Object bad : new Object[] {"5 seconds", "PT0S", "-PT5S", 5}) {
            assertThatThrownBy(() -> DecisionSettings.from(new JsonObject().put("decisions.kioskTriggerMaxAge", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("decisions.kioskTriggerMaxAge: ");
        }
    }
}
