package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ShopperShapesTest {

    private static final Path DATASET = Path.of("shared", "datasets", "otto_session_sample");

    @Test
    void committedResource_equalsWhatTheDerivationMeasuresOnTheDataset() throws Exception {
        Path dataset = findDataset().orElse(null);
        Assumptions.assumeTrue(dataset != null,
                "the OTTO sample (shared/datasets/otto_session_sample) is not above the working directory");

        ShopperShapes underTest = ShopperShapes.derive(dataset);

        Path derived = Files.createDirectories(Path.of("target")).resolve("shopper-shapes.derived.json");
        Files.writeString(derived, underTest.toJson().encodePrettily() + "\n");
        assertThat(ShopperShapes.load())
                .as("src/main/resources" + ShopperShapes.RESOURCE + " drifted from its derivation; the derived "
                        + "shapes are in " + derived.toAbsolutePath())
                .isEqualTo(underTest);
    }

    @Test
    void derive_measuresTheSampleAsDocumented() throws Exception {
        Path dataset = findDataset().orElse(null);
        Assumptions.assumeTrue(dataset != null, "the OTTO sample is not above the working directory");

        ShopperShapes underTest = ShopperShapes.derive(dataset);

        assertThat(underTest.source().sessions()).isEqualTo(20);
        assertThat(underTest.source().events()).isEqualTo(862);
        assertThat(underTest.source().commit()).isEqualTo("f404284240ac654d0b924b2fabec0aea7b23f168");
        assertThat(underTest.visits()).isEqualTo(144);
        assertThat(underTest.eventsPerVisit().total()).isEqualTo(144);
        assertThat(underTest.cartVisitShare()).isEqualTo(0.1458);
        assertThat(underTest.cartsPerCartVisit().total()).isEqualTo(21);
        assertThat(underTest.viewsBeforeCart().total()).isEqualTo(52);
        assertThat(underTest.gaps().millis().get(GapQuantiles.STEPS)).isLessThanOrEqualTo(30 * 60_000L);
    }

    @Test
    void json_roundTrips() {
        ShopperShapes shapes = ShopperShapes.load();

        assertThat(ShopperShapes.fromJson(new JsonObject(shapes.toJson().encode()))).isEqualTo(shapes);
    }

    @Test
    void fromJson_unknownKey_isRefusedNamingIt() {
        JsonObject json = ShopperShapes.load().toJson().put("cartShare", 0.5);

        assertThatThrownBy(() -> ShopperShapes.fromJson(json)).hasMessage("cartShare: unknown key");
    }

    @Test
    void construction_shareAboveOne_isRefusedNamingIt() {
        ShopperShapes shapes = ShopperShapes.load();

        assertThatThrownBy(() -> new ShopperShapes(shapes.source(), shapes.visits(), shapes.eventsPerVisit(), 1.5,
                shapes.cartsPerCartVisit(), shapes.viewsBeforeCart(), shapes.viewsAfterLastCart(),
                shapes.viewsPerBrowseVisit(), shapes.cartVisitOrderShare(), shapes.cartOrderedInSessionShare(),
                shapes.cartOfViewedItemShare(), shapes.repeatViewShare(), shapes.gaps()))
                .hasMessageStartingWith("cartVisitShare:");
    }

    @Test
    void equalsAndHashCode_dependOnValues() {
        ShopperShapes one = ShopperShapes.load();
        ShopperShapes same = ShopperShapes.fromJson(one.toJson());
        ShopperShapes other = ShopperShapes.fromJson(one.toJson().put("repeatViewShare", 0.5));

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    }

    static Optional<Path> findDataset() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DATASET);
            if (Files.isRegularFile(candidate.resolve(ShapeDerivation.SESSIONS_FILE))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
