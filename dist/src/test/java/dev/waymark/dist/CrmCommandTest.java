package dev.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code waymark crm} against a real HTTP server answering as the cloud API does (docs/crm.md): the request each
 * subcommand sends, what it prints, and its refusals.
 */
class CrmCommandTest {

    private static final String KEY = "wm_sk_test_admin";

    Vertx vertx;
    HttpServer cloud;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        cloud = vertx.createHttpServer().requestHandler(request -> {
            requests.add(request.method() + " " + request.uri() + " " + request.getHeader("Authorization"));
            JsonObject body;
            int status = 200;
            if (!("Bearer " + KEY).equals(request.getHeader("Authorization"))) {
                status = 401;
                body = new JsonObject().put("error", "unauthenticated").put("message", "no valid credentials");
            } else if (request.path().equals("/v1/crm/status")) {
                body = new JsonObject().put("connectors", new JsonArray().add(new JsonObject()
                        .put("kind", "crm.webhook").put("pending", 3).put("retrying", 1).put("delivered", 1520)
                        .put("dead", 2).put("lagMillis", 850))).put("inbound", true);
            } else if (request.path().equals("/v1/crm/dead-letters")) {
                body = new JsonObject().put("deadLetters", new JsonArray().add(new JsonObject()
                        .put("id", "01JF3AAAAAAAAAAAAAAAAAAAAA").put("kind", "crm.webhook").put("attempts", 8)
                        .put("lastError", "HTTP 503").put("message", new JsonObject().put("type", "outcome"))));
            } else if (request.path().equals("/v1/crm/dead-letters/replay")) {
                body = new JsonObject().put("replayed", 2);
            } else if (request.path().equals("/v1/crm/dead-letters/01JF3AAAAAAAAAAAAAAAAAAAAA/replay")) {
                body = new JsonObject().put("replayed", 1);
            } else {
                status = 404;
                body = new JsonObject().put("error", "not_found").put("field", "id")
                        .put("message", "id: no CRM dead letter");
            }
            request.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(body.encode());
        }).listen(0).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private String url() {
        return "http://127.0.0.1:" + cloud.actualPort();
    }

    @Test
    void status_printsEachConnectorsCounts() {
        CommandRun run = CommandRun.of("crm", "status", "--cloud", url(), "--key", KEY);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(requests).containsExactly("GET /v1/crm/status Bearer " + KEY);
        assertThat(run.out()).containsPattern("crm\\.webhook\\s+3\\s+1\\s+1520\\s+2\\s+850")
                .contains("inbound webhook: on");
    }

    @Test
    void deadLetters_listsThemWithTheirLastError() {
        CommandRun run = CommandRun.of("crm", "dead-letters", "--cloud", url() + "/", "--key", KEY, "--limit", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(requests).containsExactly("GET /v1/crm/dead-letters?limit=5 Bearer " + KEY);
        assertThat(run.out()).contains("01JF3AAAAAAAAAAAAAAAAAAAAA", "outcome", "HTTP 503", "1 dead letter(s)");
    }

    @Test
    void replay_oneOrAll_postsTheReplayAndSaysHowMany() {
        CommandRun one = CommandRun.of("crm", "replay", "01JF3AAAAAAAAAAAAAAAAAAAAA", "--cloud", url(), "--key", KEY);
        CommandRun all = CommandRun.of("crm", "replay", "--all", "--cloud", url(), "--key", KEY);

        assertThat(one.out()).contains("1 dead letter(s) pending again");
        assertThat(all.out()).contains("2 dead letter(s) pending again");
        assertThat(requests).containsExactly(
                "POST /v1/crm/dead-letters/01JF3AAAAAAAAAAAAAAAAAAAAA/replay Bearer " + KEY,
                "POST /v1/crm/dead-letters/replay Bearer " + KEY);
    }

    @Test
    void replay_unknownIdOrWrongKey_exitsRejectedWithTheApiMessage() {
        CommandRun unknown = CommandRun.of("crm", "replay", "01NOPE", "--cloud", url(), "--key", KEY);
        CommandRun wrongKey = CommandRun.of("crm", "status", "--cloud", url(), "--key", "wm_sk_other");

        assertThat(unknown.exitCode()).isEqualTo(Waymark.ExitCodes.REJECTED);
        assertThat(unknown.err()).contains("HTTP 404", "no CRM dead letter");
        assertThat(wrongKey.exitCode()).isEqualTo(Waymark.ExitCodes.REJECTED);
        assertThat(wrongKey.err()).contains("HTTP 401");
    }

    @Test
    void replay_withoutIdOrAll_orWithoutCloud_isAUsageError() {
        assertThat(CommandRun.of("crm", "replay", "--cloud", url(), "--key", KEY).exitCode())
                .isEqualTo(Waymark.ExitCodes.USAGE);
        CommandRun noCloud = CommandRun.of("crm", "status", "--key", KEY);
        assertThat(noCloud.exitCode()).isEqualTo(Waymark.ExitCodes.USAGE);
        assertThat(noCloud.err()).contains("--cloud");
        assertThat(requests).isEmpty();
    }
}
