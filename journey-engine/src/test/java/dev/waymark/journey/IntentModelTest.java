package dev.waymark.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Month;
import org.junit.jupiter.api.Test;

class IntentModelTest {

    private final IntentModel underTest = IntentModel.defaults();

    @Test
    void score_engagedReturningShopper_outscoresBounce() {
        SessionFeatures engaged = new SessionFeatures(3, 120, 1, 30, 40, 1800, 0.005, 0.02, false, Month.NOVEMBER,
                VisitorType.RETURNING);
        SessionFeatures bounce = new SessionFeatures(0, 0, 0, 0, 1, 0, 0.2, 0.2, false, Month.NOVEMBER,
                VisitorType.RETURNING);

        assertThat(underTest.score(engaged)).isBetween(0.0, 1.0).isGreaterThan(underTest.score(bounce));
        assertThat(underTest.score(bounce)).isLessThan(underTest.threshold());
    }

    @Test
    void toJson_readsBackTheSameScores() {
        IntentModel copy = IntentModel.fromJson(underTest.toJson()).orElseThrow();
        SessionFeatures s = new SessionFeatures(1, 10, 0, 0, 12, 400, 0.01, 0.03, true, Month.MAY, VisitorType.NEW);

        assertThat(copy.score(s)).isEqualTo(underTest.score(s));
        assertThat(copy.threshold()).isEqualTo(underTest.threshold());
    }

    @Test
    void fromJson_wrongShape_namesTheField() {
        Loaded<IntentModel, String> loaded = IntentModel.fromJson(underTest.toJson()
                .replaceFirst("\"weights\": \\[", "\"weights\": [1.0,"));

        assertThat(loaded.errors()).contains("weights: expected 24 numbers");
    }

    @Test
    void sessionFeatures_rejectsImpossibleValuesNamingTheField() {
        assertThatThrownBy(() -> new SessionFeatures(-1, 0, 0, 0, 0, 0, 0, 0, false, Month.MAY, VisitorType.NEW))
                .hasMessage("administrativePages: must be >= 0");
        assertThatThrownBy(() -> new SessionFeatures(0, 0, 0, 0, 0, 0, 1.5, 0, false, Month.MAY, VisitorType.NEW))
                .hasMessage("bounceRate: must be between 0 and 1");
    }

    @Test
    void sessionFeatures_honoursEqualsAndHashCode() {
        SessionFeatures a = new SessionFeatures(1, 2, 3, 4, 5, 6, 0.1, 0.2, true, Month.MAY, VisitorType.NEW);
        SessionFeatures b = new SessionFeatures(1, 2, 3, 4, 5, 6, 0.1, 0.2, true, Month.MAY, VisitorType.NEW);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b)
                .isNotEqualTo(new SessionFeatures(1, 2, 3, 4, 5, 6, 0.1, 0.2, true, Month.MAY, VisitorType.OTHER));
    }
}
