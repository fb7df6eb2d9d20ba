package dev.waymark.cloud.internal.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.internal.decision.TestGuard;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignRoutesIT {

    private static final String ADMIN = "tester;admin;*";

    @TempDir
    Path dir;
    CampaignFixture fixture;
    Campaigns underTest;
    WebClient client;

    @BeforeEach
    void open() throws Exception {
        fixture = new CampaignFixture("jdbc:sqlite:" + dir.resolve("cloud.db"));
        underTest = new Campaigns(fixture.vertx, fixture.store, fixture.decisions.parts(), new TestGuard(),
                new CampaignSettings(2, 10, 1, Duration.ofSeconds(30), Duration.ofMillis(20)), fixture.clock);
        Router router = Router.router(fixture.vertx);
        underTest.mount(router);
        int port = fixture.vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS)
                .actualPort();
        client = WebClient.create(fixture.vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(port));
    }

    @AfterEach
    void close() throws Exception {
        underTest.close();
        fixture.close();
    }

    @Test
    void create_thenRun_showsTheCampaignDoneWithItsProgress() throws Exception {
        fixture.seed(20);
        HttpResponse<Buffer> created = post("/v1/campaigns", new JsonObject().put("name", "Spring carts")
                .put("segment", "journey.cartItems > 0").put("channel", "email").put("placement", "newsletter"));

        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("id");
        assertThat(id).startsWith("cmp-");
        assertThat(created.getHeader("location")).isEqualTo("/v1/campaigns/" + id);
        assertThat(created.bodyAsJsonObject().getString("state")).isEqualTo("scheduled");

        underTest.start();
        JsonObject done = await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/campaigns/" + id)
                .bodyAsJsonObject(), json -> json.getString("state").equals("done"));

        assertThat(done.getJsonObject("progress").getMap()).containsEntry("scanned", 20).containsEntry("inSegment", 5)
                .containsEntry("decided", 5).containsEntry("sent", 4).containsEntry("partitions", 2)
                .containsEntry("partitionsDone", 2).containsKey("profilesPerSecond");
        assertThat(done.getString("startedAt")).isNotNull();
        assertThat(get("/v1/campaigns").bodyAsJsonObject().getJsonArray("campaigns").size()).isEqualTo(1);
    }

    @Test
    void create_segmentThatDoesNotCompile_isRejectedWithTheCompilersMessage() throws Exception {
        HttpResponse<Buffer> answer = post("/v1/campaigns", new JsonObject().put("name", "broken")
                .put("segment", "journey.cartItems >").put("channel", "email").put("placement", "newsletter"));

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonObject body = answer.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo("rejected");
        assertThat(body.getString("field")).isEqualTo("segment");
        assertThat(body.getString("message")).startsWith("segment: does not compile: ").contains("1:");
        assertThat(get("/v1/campaigns").bodyAsJsonObject().getJsonArray("campaigns")).isEmpty();
    }

    @Test
    void create_segmentOfTheWrongType_isRejected() throws Exception {
        HttpResponse<Buffer> answer = post("/v1/campaigns", new JsonObject().put("name", "count")
                .put("segment", "size(profile.channels)").put("channel", "email").put("placement", "newsletter"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("segment");
    }

    @Test
    void create_withoutName_orToAKiosk_isRefusedNamingTheField() throws Exception {
        HttpResponse<Buffer> noName = post("/v1/campaigns", new JsonObject().put("segment", "true")
                .put("channel", "email").put("placement", "newsletter"));
        HttpResponse<Buffer> kiosk = post("/v1/campaigns", new JsonObject().put("name", "n").put("segment", "true")
                .put("channel", "kiosk").put("placement", "home"));

        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.bodyAsJsonObject().getString("field")).isEqualTo("name");
        assertThat(kiosk.statusCode()).isEqualTo(400);
        assertThat(kiosk.bodyAsJsonObject().getString("field")).isEqualTo("channel");
    }

    @Test
    void create_existingId_isRefused() throws Exception {
        JsonObject body = new JsonObject().put("id", "twice").put("name", "n").put("segment", "true")
                .put("channel", "email").put("placement", "newsletter");
        post("/v1/campaigns", body);

        HttpResponse<Buffer> again = post("/v1/campaigns", body);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.bodyAsJsonObject().getString("field")).isEqualTo("id");
    }

    @Test
    void pauseResumeCancel_followTheStates_andRefuseAMoveTheStateDoesNotAllow() throws Exception {
        post("/v1/campaigns", new JsonObject().put("id", "later").put("name", "n").put("segment", "true")
                .put("channel", "email").put("placement", "newsletter").put("startAt", "2099-01-01T00:00:00Z"));

        assertThat(post("/v1/campaigns/later/pause", null).bodyAsJsonObject().getString("state"))
                .isEqualTo("paused");
        assertThat(post("/v1/campaigns/later/pause", null).statusCode()).isEqualTo(409);
        assertThat(post("/v1/campaigns/later/resume", null).bodyAsJsonObject().getString("state"))
                .isEqualTo("scheduled");
        HttpResponse<Buffer> cancelled = post("/v1/campaigns/later/cancel", null);
        assertThat(cancelled.bodyAsJsonObject().getString("state")).isEqualTo("cancelled");
        assertThat(cancelled.bodyAsJsonObject().getString("finishedAt")).isNotNull();
        HttpResponse<Buffer> resumed = post("/v1/campaigns/later/resume", null);
        assertThat(resumed.statusCode()).isEqualTo(409);
        assertThat(resumed.bodyAsJsonObject().getString("error")).isEqualTo("conflict");
        assertThat(resumed.bodyAsJsonObject().getString("message")).isEqualTo("a cancelled campaign cannot be resumed");
    }

    @Test
    void unknownCampaign_isNotFound_andTheApiNeedsTheAdminScope() throws Exception {
        assertThat(get("/v1/campaigns/nope").statusCode()).isEqualTo(404);
        assertThat(post("/v1/campaigns/nope/cancel", null).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> reader = client.get("/v1/campaigns").putHeader(TestGuard.HEADER, "tester;read;*")
                .send().await(10, TimeUnit.SECONDS);
        assertThat(reader.statusCode()).isEqualTo(403);
    }

    private HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
        var request = client.post(path).putHeader(TestGuard.HEADER, ADMIN);
        return (body == null ? request.send() : request.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return client.get(path).putHeader(TestGuard.HEADER, ADMIN).send().await(10, TimeUnit.SECONDS);
    }
}
