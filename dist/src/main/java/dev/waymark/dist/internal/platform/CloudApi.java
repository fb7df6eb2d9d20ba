package dev.waymark.dist.internal.platform;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small blocking client of the cloud's HTTP API for the platform's own set-up and for tests: JSON in, JSON out,
 * {@code Authorization: Bearer} with a secret key. Never used on an event loop.
 */
public final class CloudApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of the API at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public CloudApi(URI base) {
        this.base = base;
    }

    /** An answer: status and body (an empty object when there is none). */
    public record Answer(int status, String body) {

        public JsonObject json() {
            return body.isBlank() ? new JsonObject() : new JsonObject(body);
        }
    }

    /** {@code GET path} with the key (or without one when it is null). */
    public Answer get(String path, String key) throws IOException {
        return send(request(path, key).GET());
    }

    /** {@code method path} with a JSON body. */
    public Answer send(String method, String path, String key, JsonObject body) throws IOException {
        return send(request(path, key).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    /** True when {@code /health/ready} answers 200. */
    public boolean ready() {
        try {
            return get("/health/ready", null).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Signs in as {@code admin} and creates a secret key with every scope and a public write key; returns
     * {@code {"secret": ..., "write": ...}}.
     */
    JsonObject createKeys(String adminPassword) throws IOException {
        HttpResponse<String> session = exchange(HttpRequest.newBuilder(base.resolve("/v1/session")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("name", "admin").put("password", adminPassword).encode())));
        if (session.statusCode() != 200) {
            throw new IOException("cannot sign in as admin: " + session.statusCode() + " " + session.body());
        }
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = new JsonObject(session.body()).getString("csrfToken");
        String secret = createKey(cookie, csrf, new JsonObject().put("kind", "secret").put("label", "demo platform")
                .put("scopes", new JsonArray().add("decide").add("read").add("consent").add("admin").add("accounts")
                        .add("devices")));
        String write = createKey(cookie, csrf, new JsonObject().put("kind", "public").put("label", "demo web shop"));
        return new JsonObject().put("secret", secret).put("write", write);
    }

    private String createKey(String cookie, String csrf, JsonObject body) throws IOException {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(base.resolve("/v1/api-keys")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
        if (answer.statusCode() != 201) {
            throw new IOException("cannot create an API key: " + answer.statusCode() + " " + answer.body());
        }
        return new JsonObject(answer.body()).getString("secret");
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> answer = exchange(request);
        return new Answer(answer.statusCode(), answer.body());
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
