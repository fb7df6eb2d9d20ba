package dev.waymark.dist.internal.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The demo's answer to a kiosk screen's "why" link for a decision the cloud made: the cloud's
 * {@code GET /v1/decisions/{id}} fetched with the demo's read key, on 127.0.0.1 only. The cloud API itself needs a
 * signed-in user, and the demo has no console yet; a real deployment points {@code explainUrl} at the console.
 */
public final class WhyRelay {

    private static final Pattern DECISION_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final HttpServer server;
    private final WebClient client;
    private volatile URI cloudApi;
    private volatile String key;

    private WhyRelay(HttpServer server, WebClient client) {
        this.server = server;
        this.client = client;
    }

    /** Listens on a free port of 127.0.0.1; answers 503 until {@link #connect} names the cloud. */
    public static Future<WhyRelay> start(Vertx vertx) {
        WebClient client = WebClient.create(vertx);
        HttpServer server = vertx.createHttpServer();
        WhyRelay relay = new WhyRelay(server, client);
        server.requestHandler(relay::handle);
        return server.listen(0, "127.0.0.1").map(listening -> relay);
    }

    /** The cloud API and the key to read decisions with. */
    public void connect(URI api, String readKey) {
        this.key = readKey;
        this.cloudApi = api;
    }

    /** The template for {@code explainUrl} in edge.json. */
    public String explainUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/why/{decisionId}";
    }

    public Future<Void> close() {
        client.close();
        return server.close();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        String id = path.startsWith("/why/") ? path.substring("/why/".length()) : "";
        URI api = cloudApi;
        if (!"GET".equals(request.method().name()) || !DECISION_ID.matcher(id).matches()) {
            answer(request, 404, new JsonObject().put("error", "not_found")
                    .put("message", "GET /why/{decisionId}"));
        } else if (api == null) {
            answer(request, 503, new JsonObject().put("error", "unavailable")
                    .put("message", "the cloud is still starting"));
        } else {
            client.get(api.getPort(), api.getHost(), "/v1/decisions/" + id).bearerTokenAuthentication(key).send()
                    .onSuccess(response -> relay(request, response))
                    .onFailure(e -> answer(request, 502, new JsonObject().put("error", "unavailable")
                            .put("message", "the cloud did not answer: " + e.getMessage())));
        }
    }

    private static void relay(HttpServerRequest request, HttpResponse<Buffer> response) {
        request.response().setStatusCode(response.statusCode()).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(response.bodyAsBuffer() == null ? Buffer.buffer()
                        : response.bodyAsBuffer());
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encodePrettily());
    }
}
