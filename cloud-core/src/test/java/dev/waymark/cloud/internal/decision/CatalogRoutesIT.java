package dev.waymark.cloud.internal.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.decision.BundleVerification;
import dev.waymark.decision.BundleVerifier;
import dev.waymark.protocol.action.DecisionBundle;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRoutesIT {

    private static final String ADMIN = "ada;admin;*";

    @TempDir
    Path dir;
    DecisionFixture fixture;
    WebClient underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new DecisionFixture(storeUrl(), Optional.empty());
        fixture.stores("store-1", "store-2");
        fixture.decisions.start().await(10, TimeUnit.SECONDS);
        underTest = fixture.serve();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void putAction_brokenCelRule_answers422WithTheCelErrorForThatAction() throws Exception {
        HttpResponse<Buffer> response = put("/v1/catalog/actions/broken", new JsonObject().put("category", "sales")
                .put("channels", new JsonArray().add("kiosk")).put("placements", new JsonArray().add("kiosk-offer"))
                .put("eligibility", "journey.cartValue >>> 3"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonObject error = response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("actionId")).isEqualTo("broken");
        assertThat(error.getString("field")).isEqualTo("eligibility");
        assertThat(error.getString("message")).containsPattern("\\d+:\\d+|line|column");
        assertThat(fixture.rows("catalog_versions")).isEqualTo(1);
    }

    @Test
    void putAction_validChange_storesNewVersionAndPublishesAVerifiableBundleToEveryStore() throws Exception {
        HttpResponse<Buffer> response = put("/v1/catalog/actions/loyalty-signup", new JsonObject()
                .put("category", "sales").put("channels", new JsonArray().add("kiosk"))
                .put("placements", new JsonArray().add("kiosk-offer")).put("title", "Join and save")
                .put("eligibility", "context.intent == 'feature_exploration'"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getLong("version")).isEqualTo(2);
        assertThat(response.bodyAsJsonObject().getInteger("publishedTo")).isEqualTo(2);
        assertThat(fixture.devices.bundles).containsOnlyKeys("store-1", "store-2");
        DecisionBundle bundle = fixture.devices.bundles.get("store-1");
        BundleVerification verified = BundleVerifier.trusting(Map.of("k1", fixture.keys.getPublic())).verify(bundle);
        assertThat(verified).isInstanceOfSatisfying(BundleVerification.Verified.class, v -> {
            assertThat(v.contents().version()).isEqualTo(2);
            assertThat(v.catalog().find("loyalty-signup")).isPresent();
        });
        JsonObject current = get("/v1/bundles/current").bodyAsJsonObject();
        assertThat(current.getLong("version")).isEqualTo(2);
        assertThat(get("/v1/catalog/actions/loyalty-signup").bodyAsJsonObject().getString("title"))
                .isEqualTo("Join and save");
    }

    @Test
    void putActions_malformedAndHostileInput_answers400NamingTheField() throws Exception {
        assertThat(put("/v1/catalog/actions", "{not json").bodyAsJsonObject().getString("field")).isEqualTo("body");
        HttpResponse<Buffer> unknown = put("/v1/catalog/actions", new JsonArray().add(new JsonObject()
                .put("id", "x").put("category", "sales").put("channels", new JsonArray().add("kiosk"))
                .put("placements", new JsonArray().add("p")).put("evil", true)).encode());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("field")).isEqualTo("actions[0].evil");
        HttpResponse<Buffer> ttl = put("/v1/catalog/actions/a", new JsonObject().put("category", "care")
                .put("channels", new JsonArray().add("kiosk")).put("placements", new JsonArray().add("p"))
                .put("timeToLive", "-PT5M"));
        assertThat(ttl.bodyAsJsonObject().getString("field")).isEqualTo("timeToLive");
        HttpResponse<Buffer> channel = put("/v1/catalog/actions/a", new JsonObject().put("category", "care")
                .put("channels", new JsonArray().add("carrier-pigeon")).put("placements", new JsonArray().add("p")));
        assertThat(channel.bodyAsJsonObject().getString("field")).isEqualTo("channels");
        JsonObject twin = new JsonObject().put("id", "twin").put("category", "care")
                .put("channels", new JsonArray().add("kiosk")).put("placements", new JsonArray().add("p"));
        HttpResponse<Buffer> duplicated = put("/v1/catalog/actions", new JsonArray().add(twin).add(twin).encode());
        assertThat(duplicated.statusCode()).isEqualTo(422);
        assertThat(duplicated.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("id");
        HttpResponse<Buffer> deep = put("/v1/catalog/actions", "[".repeat(5000) + "]".repeat(5000));
        assertThat(deep.statusCode()).isEqualTo(400);
        HttpResponse<Buffer> oversize = put("/v1/catalog/actions/a", "\"" + "x".repeat(3 * 1024 * 1024) + "\"");
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(fixture.rows("catalog_versions")).isEqualTo(1);
    }

    @Test
    void putPatternsAndPolicies_invalidInput_isRefusedWithTheLoadersErrors() throws Exception {
        HttpResponse<Buffer> patterns = put("/v1/catalog/patterns", new JsonObject().put("patterns", new JsonArray()
                .add(new JsonObject().put("name", "cart_abandonment").put("kind", "cart_abandonment")
                        .put("windowMinutes", -1))));
        assertThat(patterns.statusCode()).isEqualTo(422);
        assertThat(patterns.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("pattern"))
                .isEqualTo("cart_abandonment");
        HttpResponse<Buffer> policies = put("/v1/catalog/policies", new JsonObject().put("maxActions", 0));
        assertThat(policies.statusCode()).isEqualTo(400);
        assertThat(policies.bodyAsJsonObject().getString("field")).isEqualTo("policies.maxActions");
        HttpResponse<Buffer> good = put("/v1/catalog/policies", new JsonObject().put("maxActions", 2)
                .put("quietHours", new JsonObject().put("start", "21:00").put("end", "08:00")));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(get("/v1/catalog/policies").bodyAsJsonObject().getInteger("maxActions")).isEqualTo(2);
    }

    @Test
    void validateAndDelete_dryRunChangesNothingAndUnknownIdIs404() throws Exception {
        HttpResponse<Buffer> dryRun = underTest.post("/v1/catalog/validate").putHeader(TestGuard.HEADER, ADMIN)
                .sendBuffer(Buffer.buffer(new JsonObject().put("actions", new JsonArray()).encode()))
                .await(10, TimeUnit.SECONDS);
        assertThat(dryRun.statusCode()).isEqualTo(200);
        HttpResponse<Buffer> missing = underTest.delete("/v1/catalog/actions/nope").putHeader(TestGuard.HEADER, ADMIN)
                .send().await(10, TimeUnit.SECONDS);
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<Buffer> deleted = underTest.delete("/v1/catalog/actions/web-cart-banner")
                .putHeader(TestGuard.HEADER, ADMIN).send().await(10, TimeUnit.SECONDS);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(get("/v1/catalog/actions").bodyAsJsonObject().getJsonArray("actions")).hasSize(2);
        HttpResponse<Buffer> reader = underTest.get("/v1/catalog/actions").putHeader(TestGuard.HEADER, "r;read;*")
                .send().await(10, TimeUnit.SECONDS);
        assertThat(reader.statusCode()).isEqualTo(403);
    }

    @Test
    void publishCurrentBundle_newStore_receivesTheCurrentVersion() throws Exception {
        fixture.decisions.publishCurrentBundle("store-9").await(10, TimeUnit.SECONDS);

        assertThat(fixture.devices.bundles.get("store-9").version()).isEqualTo(1);
    }

    private HttpResponse<Buffer> put(String path, JsonObject body) throws Exception {
        return put(path, body.encode());
    }

    private HttpResponse<Buffer> put(String path, String body) throws Exception {
        return underTest.put(path).putHeader(TestGuard.HEADER, ADMIN).sendBuffer(Buffer.buffer(body))
                .await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return underTest.get(path).putHeader(TestGuard.HEADER, ADMIN).send().await(10, TimeUnit.SECONDS);
    }
}
