package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.internal.decision.catalog.ActionJson;
import dev.waymark.cloud.internal.decision.catalog.CatalogCheck;
import dev.waymark.cloud.internal.decision.catalog.CatalogEntry;
import dev.waymark.cloud.internal.decision.catalog.PolicyJson;
import dev.waymark.journey.IntentPatterns;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog's resources against the cloud's own readers and writers: they compile, and they are exactly what
 * the admin API answers once they are installed, which is what makes a second install change nothing.
 */
class DemoCatalogTest {

    private final JsonObject actions = DemoCatalog.json(DemoCatalog.ACTIONS);
    private final JsonObject patterns = DemoCatalog.json(DemoCatalog.PATTERNS);
    private final JsonObject policies = DemoCatalog.json(DemoCatalog.POLICIES);

    @Test
    void resources_compileAsOneCatalog() {
        CatalogCheck.Result result = CatalogCheck.check(CatalogCheck.actions("actions", actions.getValue("actions")),
                patterns.encode(), PolicyJson.read(policies));

        assertThat(result).isInstanceOf(CatalogCheck.Valid.class);
    }

    @Test
    void actions_areWrittenBackUnchanged() {
        List<CatalogEntry> entries = CatalogCheck.actions("actions", actions.getValue("actions"));
        JsonArray written = new JsonArray();
        entries.forEach(entry -> written.add(ActionJson.write(entry)));

        assertThat(DemoCatalog.sameJson(written, actions.getJsonArray("actions"))).as(written.encodePrettily()).isTrue();
    }

    @Test
    void patterns_areWrittenBackUnchanged() {
        JsonObject written = new JsonObject(IntentPatterns.parse(patterns.encode()).orElseThrow().toJson());

        assertThat(DemoCatalog.sameJson(written, patterns)).as(written.encodePrettily()).isTrue();
    }

    @Test
    void policies_areWrittenBackUnchanged() {
        JsonObject written = PolicyJson.write(PolicyJson.read(policies));

        assertThat(DemoCatalog.sameJson(written, policies)).as(written.encodePrettily()).isTrue();
    }

    @Test
    void sameJson_numbersCompareByValue_andOrderOfArraysCounts() {
        assertThat(DemoCatalog.sameJson(new JsonObject("{\"a\": [1, {\"b\": 8}]}"),
                new JsonObject("{\"a\": [1.0, {\"b\": 8.0}]}"))).isTrue();
        assertThat(DemoCatalog.sameJson(new JsonArray("[1, 2]"), new JsonArray("[2, 1]"))).isFalse();
        assertThat(DemoCatalog.sameJson(new JsonObject("{\"a\": 1}"), new JsonObject("{\"a\": 1, \"b\": 2}")))
                .isFalse();
    }
}
