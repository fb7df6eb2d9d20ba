package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InsightSettingsTest {

    @Test
    void from_emptyConfig_givesDefaults() {
        assertThat(InsightSettings.from(new JsonObject())).isEqualTo(InsightSettings.DEFAULTS);
        assertThat(InsightSettings.DEFAULTS.attributionWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(InsightSettings.DEFAULTS.staleAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void from_givenKeys_overridesDefaults() {
        InsightSettings underTest = InsightSettings.from(new JsonObject().put("kpi.attributionWindow", "P3D")
                .put("kpi.minArmSize", 50).put("metrics.open", true).put("overview.staleAfter", "PT30S"));

        assertThat(underTest.attributionWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(underTest.minArmSize()).isEqualTo(50);
        assertThat(underTest.metricsOpen()).isTrue();
        assertThat(underTest.staleAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void from_malformedDuration_namesTheKey() {
        assertThatThrownBy(() -> InsightSettings.from(new JsonObject().put("overview.staleAfter", "90 seconds")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("overview.staleAfter:");
    }

    @Test
    void from_wrongTypeOrRange_namesTheKey() {
        assertThatThrownBy(() -> InsightSettings.from(new JsonObject().put("kpi.minArmSize", "thirty")))
                .hasMessageStartingWith("kpi.minArmSize:");
        assertThatThrownBy(() -> InsightSettings.from(new JsonObject().put("kpi.minArmSize", 1)))
                .hasMessageStartingWith("kpi.minArmSize:");
        assertThatThrownBy(() -> InsightSettings.from(new JsonObject().put("kpi.period", "-P1D")))
                .hasMessageStartingWith("kpi.period:");
        assertThatThrownBy(() -> InsightSettings.from(new JsonObject().put("metrics.open", "yes")))
                .hasMessageStartingWith("metrics.open:");
    }
}
