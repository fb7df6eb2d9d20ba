package dev.waymark.benchmarks.cloud;

import dev.waymark.cloud.CloudCore;
import dev.waymark.cloud.CloudSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real cloud core on embedded defaults in a temp folder (HTTP on a free port of 127.0.0.1), set up the way an
 * operator would: sign in as {@code admin}, create a secret key with scope {@code decide} and a public write key,
 * seed web profiles with carts through the collector, and wait until the pipeline has taken them in.
 */
final class CloudSetup {

    private static final String PASSWORD = "bench-admin-password-1";
    private static final int CALLS_PER_BATCH = 500;

    final CloudCore cloud;
    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private CloudSetup(CloudCore cloud) {
        this.cloud = cloud;
        this.base = "http://127.0.0.1:" + cloud.httpPort();
    }

    /** Starts a cloud in {@code folder}. */
    static CloudSetup start(Vertx vertx, Path folder) throws Exception {
        JsonObject config = new JsonObject().put(CloudSettings.DATA_DIR, folder.toString())
                .put("http", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
                .put("provisioning", new JsonObject().put("port", 0))
                .put("gateway", new JsonObject().put("port", 0));
        Map<String, String> env = Map.of("WM_ADMIN_PASSWORD", PASSWORD);
        CloudCore cloud = CloudCore.start(vertx, CloudSettings.from(config, folder), env::get, Clock.systemUTC())
                .await(180, TimeUnit.SECONDS);
        return new CloudSetup(cloud);
    }

    /** Signs in as admin and creates a key of {@code kind} ({@code secret} with {@code scopes}, or {@code public}). */
    String createKey(String kind, JsonArray scopes) throws Exception {
        HttpResponse<String> session = send(HttpRequest.newBuilder(URI.create(base + "/v1/session"))
                .header("Content-Type", "application/json")
                .POST(body(new JsonObject().put("name", "admin").put("password", PASSWORD))));
        String cookie = session.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String csrf = new JsonObject(session.body()).getString("csrfToken");
        JsonObject request = new JsonObject().put("kind", kind).put("label", "bench " + kind);
        if (kind.equals("secret")) {
            request.put("scopes", scopes);
        }
        HttpResponse<String> key = send(HttpRequest.newBuilder(URI.create(base + "/v1/api-keys"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(body(request)));
        return new JsonObject(key.body()).getString("secret");
    }

    /**
     * Seeds {@code profiles} web profiles through {@code POST /v1/batch}: an identify and a "Product Added" each,
     * so the web banner's rule ({@code journey.cartItems > 0}) has something to choose.
     */
    void seedProfiles(String writeKey, int profiles) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        for (int from = 0; from < profiles; from += CALLS_PER_BATCH / 2) {
            JsonArray calls = new JsonArray();
            for (int i = from; i < Math.min(profiles, from + CALLS_PER_BATCH / 2); i++) {
                calls.add(new JsonObject().put("type", "identify").put("anonymousId", "anon-" + i)
                        .put("userId", userId(i)).put("traits", new JsonObject().put("plan", "member")));
                calls.add(new JsonObject().put("type", "track").put("anonymousId", "anon-" + i)
                        .put("userId", userId(i)).put("event", "Product Added").put("properties", new JsonObject()
                                .put("product_id", "SKU-" + (10_000 + i % 500)).put("price", 49.99)
                                .put("quantity", 1)));
            }
            send(HttpRequest.newBuilder(URI.create(base + "/v1/batch")).header("Authorization", basic)
                    .header("Content-Type", "application/json").POST(body(new JsonObject().put("batch", calls))));
        }
    }

    /** Records marketing consent on the web for each seeded profile ({@code POST /v1/profiles/cookie/.../consents}). */
    void grantMarketing(String consentKey, int profiles) throws Exception {
        String grant = new JsonObject().put("purpose", "marketing").put("channel", "web").put("state", "granted")
                .put("source", "bench").encode();
        for (int i = 0; i < profiles; i++) {
            send(HttpRequest.newBuilder(URI.create(base + "/v1/profiles/cookie/anon-" + i + "/consents"))
                    .header("Authorization", "Bearer " + consentKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(grant)));
        }
    }

    /** Waits until the pipeline has consumed everything appended (the event log's lag in {@code /health} is 0). */
    void awaitPipeline() throws Exception {
        while (true) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (health.body().contains("\"lag\":0")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** The user id of seeded profile {@code i} (the collector turns it into a token). */
    static String userId(int i) {
        return "crm-" + i;
    }

    /**
     * A web banner decision request for seeded profile {@code i}, by its cookie id: the collector keeps
     * {@code anonymousId} as sent, while it masks {@code userId} into a token only the cloud's key can make.
     */
    static String decisionBody(long i) {
        return "{\"identifiers\":[{\"namespace\":\"cookie\",\"id\":\"anon-" + i + "\"}],\"channel\":\"web\","
                + "\"placement\":\"web-banner\",\"context\":{\"page\":\"/cart\"}}";
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.build().uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response;
    }

    private static HttpRequest.BodyPublisher body(JsonObject json) {
        return HttpRequest.BodyPublishers.ofString(json.encode());
    }
}
