package dev.waymark.dist.internal.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the bench asks the cloud over its HTTP API, with a secret key: counters from {@code /metrics}, the event
 * log's lag from {@code /health}, and the catalog whose action answers the bench's touch.
 */
final class CloudProbe {

    /** The action the pipeline chooses for the bench's touch (the service request intent), and nothing else. */
    static final JsonObject ACTIONS = new JsonObject().put("actions", new JsonArray().add(new JsonObject()
            .put("id", "bench-help").put("category", "service").put("channels", new JsonArray().add("kiosk"))
            .put("placements", new JsonArray().add("kiosk-offer")).put("value", 1).put("timeToLive", "PT15M")
            .put("consentPurpose", "service").put("edgeDecidable", false)
            .put("eligibility", "context.intent == 'service_request'").put("title", "A colleague is on the way")
            .put("body", "Stay here: someone from the team will help you in a moment.").put("currency", "EUR")));
    /** No control group (a holdout would leave touches unanswered by design); the rest as the shipped policies. */
    static final JsonObject POLICIES = new JsonObject()
            .put("caps", new JsonArray().add(new JsonObject().put("channel", "kiosk").put("category", "sales")
                    .put("max", 3).put("period", "P1D")))
            .put("defaultCooldown", "PT10M").put("cooldowns", new JsonObject())
            .put("controlGroup", new JsonObject().put("percent", 0).put("salt", "bench"))
            .put("maxActions", 1).put("suppressingFacts", new JsonArray().add("openServiceJourney"))
            .put("segmentFacts", new JsonArray().add("channel").add("journey.stage")).put("explore", true);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI api;
    private final String secretKey;

    CloudProbe(URI api, String secretKey) {
        this.api = api;
        this.secretKey = secretKey;
    }

    /** Replaces the catalog's actions and policies; IOException with the cloud's answer when refused. */
    void installBenchCatalog() throws IOException, InterruptedException {
        send("PUT", "/v1/catalog/actions", ACTIONS);
        send("PUT", "/v1/catalog/policies", POLICIES);
    }

    /** The sum of the Prometheus samples named {@code name} (every label set), 0 when absent. */
    long counter(String name) throws IOException, InterruptedException {
        String text = get("/metrics");
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }

    /** Events appended to the event log and not yet processed by the pipeline. */
    long eventLogLag() throws IOException, InterruptedException {
        JsonObject health = new JsonObject(get("/health"));
        return health.getJsonObject("checks", new JsonObject()).getJsonObject("eventLog", new JsonObject())
                .getLong("lag", 0L);
    }

    /** What a hub reports on its status endpoint ({@code bufferDepth}, {@code counters.forwarded}, ...). */
    JsonObject hubStatus(URI status) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + status + " answered " + answer.statusCode());
        }
        return new JsonObject(answer.body());
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 && answer.statusCode() != 503) {
            throw new IOException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private void send(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + secretKey);
    }
}
