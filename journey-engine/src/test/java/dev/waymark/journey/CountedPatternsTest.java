package dev.waymark.journey;

import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feature exploration (4 views in a category within 10 minutes) and repeated search without result (2 in 10). */
class CountedPatternsTest {

    private final JourneyEngine underTest = JourneyEngine.defaults();
    private final Events kiosk = new Events("kiosk-1", "s-1");

    @Test
    void featureExploration_fourViewsInWindow_firesOnTheFourth() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.view(minutes(0), "a", "shoes"),
                kiosk.view(minutes(2), "b", "shoes"), kiosk.view(minutes(4), "c", "shoes"));
        assertThat(run.intents).isEmpty();

        Step fourth = run.apply(kiosk.view(minutes(9), "d", "shoes"));

        assertThat(fourth.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.name()).isEqualTo("feature_exploration");
            assertThat(intent.attributes()).containsEntry("category", "shoes").containsEntry("views", 4L)
                    .containsEntry("windowMinutes", 10L);
        });
    }

    @Test
    void featureExploration_viewsSpreadBeyondWindow_doesNotFire() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.view(minutes(0), "a", "shoes"),
                kiosk.view(minutes(4), "b", "shoes"), kiosk.view(minutes(8), "c", "shoes"),
                kiosk.view(minutes(12), "d", "shoes"));

        assertThat(run.intents).isEmpty();
    }

    @Test
    void featureExploration_windowSlides_firesOnceTheLastFourFit() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.view(minutes(0), "a", "shoes"),
                kiosk.view(minutes(4), "b", "shoes"), kiosk.view(minutes(8), "c", "shoes"),
                kiosk.view(minutes(12), "d", "shoes"));

        Step step = run.apply(kiosk.view(minutes(13), "e", "shoes"));

        assertThat(step.intents()).extracting(Intent::name).containsExactly("feature_exploration");
    }

    @Test
    void featureExploration_viewsInDifferentCategories_doNotAddUp() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.view(minutes(0), "a", "shoes"),
                kiosk.view(minutes(1), "b", "shoes"), kiosk.view(minutes(2), "c", "bags"),
                kiosk.view(minutes(3), "d", "bags"));

        assertThat(run.intents).isEmpty();
        assertThat(run.state.facts().get("viewsByCategory")).isEqualTo(Map.of("shoes", 2L, "bags", 2L));
    }

    @Test
    void featureExploration_keepsBrowsing_doesNotRefireWithinWindow() {
        Run run = new Run(underTest, "p-1");
        for (int i = 0; i < 8; i++) {
            run.apply(kiosk.view(minutes(i), "sku-" + i, "shoes"));
        }
        assertThat(run.intentNames()).containsExactly("feature_exploration");

        for (int i = 0; i < 4; i++) {
            run.apply(kiosk.view(minutes(14 + i), "sku-x" + i, "shoes"));
        }
        assertThat(run.intentNames()).containsExactly("feature_exploration", "feature_exploration");
    }

    @Test
    void repeatedSearch_twoNoResultSearchesInWindow_fires() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.search(minutes(0), 0));
        assertThat(run.intents).isEmpty();

        Step second = run.apply(kiosk.search(minutes(6), 0));

        assertThat(second.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.name()).isEqualTo("repeated_search_without_result");
            assertThat(intent.attributes()).containsEntry("searches", 2L).doesNotContainKey("query");
        });
        assertThat(second.state().stage()).isEqualTo(JourneyStage.RESEARCH);
    }

    @Test
    void repeatedSearch_searchesWithResults_doNotCount() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.search(minutes(0), 0), kiosk.search(minutes(1), 12),
                kiosk.search(minutes(2), 3));

        assertThat(run.intents).isEmpty();
    }

    @Test
    void repeatedSearch_secondSearchAfterWindow_doesNotFire() {
        Run run = new Run(underTest, "p-1").applyAll(kiosk.search(minutes(0), 0), kiosk.search(minutes(10.5), 0));

        assertThat(run.intents).isEmpty();
        assertThat(run.state.facts().get("noResultSearches")).isEqualTo(2L);
    }
}
