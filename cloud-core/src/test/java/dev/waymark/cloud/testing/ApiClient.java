package dev.waymark.cloud.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for the cloud API in tests: JSON in and out, bearer key or write key. */
public final class ApiClient {

    /** One answer. */
    public record Answer(int status, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in as {@code name} and creates a secret key with every scope on every store; returns it. */
    public String adminKey(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/session"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", name)
                        .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 200) {
            throw new IllegalStateException("sign-in: " + session.statusCode() + " " + session.body());
        }
        String cookie = session.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String csrf = new JsonObject(session.body()).getString("csrfToken");
        JsonObject request = new JsonObject().put("kind", "secret").put("label", "test")
                .put("scopes", new JsonArray().add("track").add("decide").add("read").add("consent").add("admin")
                        .add("accounts").add("devices"));
        HttpResponse<String> key = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/api-keys"))
                .header("content-type", "application/json").header("cookie", cookie).header("x-csrf-token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(request.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (key.statusCode() != 201 && key.statusCode() != 200) {
            throw new IllegalStateException("api key: " + key.statusCode() + " " + key.body());
        }
        return new JsonObject(key.body()).getString("secret");
    }

    public Answer get(String path, String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("authorization", "Bearer " + key).GET());
    }

    public Answer post(String path, String key, JsonObject body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    /** Posts a Segment-format call with {@code writeKey} as the basic-auth user. */
    public Answer segment(String path, String writeKey, JsonObject body) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("authorization", "Basic " + basic)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
