package dev.waymark.cloud;

import dev.waymark.cloud.internal.decision.outbox.WebhookSignature;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** A plain HTTP client of one running cloud, sending each request with the credential it is told to use. */
final class ApiClient {

    /** How a request authenticates. */
    enum Credential {
        /** No credentials. */
        NONE,
        /** {@code Authorization: Bearer wm_sk_...}. */
        SECRET_KEY,
        /** The console's session cookie, plus {@code X-CSRF-Token} on unsafe methods. */
        SESSION,
        /** {@code Authorization: Basic base64(wm_pk_...:)}. */
        WRITE_KEY,
        /** The CRM's inbound webhook signature over the body, with {@link #useCrmSecret the secret}. */
        CRM_SIGNATURE
    }

    /** An answer: status, media type without parameters, body and the session cookie it set, if any. */
    record Answer(int status, String mediaType, String body, Optional<String> sessionCookie) {

        /** The body as a JSON object. */
        JsonObject json() {
            return new JsonObject(body);
        }

        /** True for the contract's 404: the API has no operation for this method and path. */
        boolean offContract() {
            return status == 404 && body.contains("see docs/api/openapi.yaml");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String secretKey = "";
    private String writeKey = "";
    private String sessionCookie = "";
    private String csrfToken = "";
    private String crmSecret = "";

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * A client signed in as {@code admin}, holding a secret key with every scope on every store and a public
     * write key, both created through the API.
     */
    static ApiClient asAdmin(int port, String adminPassword) {
        ApiClient client = new ApiClient(port);
        Answer session = client.send("POST", "/v1/session",
                new JsonObject().put("name", "admin").put("password", adminPassword).encode(), Credential.NONE);
        if (session.status() != 200) {
            throw new AssertionError("sign-in: " + session.status() + " " + session.body());
        }
        client.useSession(session);
        client.useSecretKey(client.newKey("{\"kind\": \"secret\", \"label\": \"test\", \"scopes\": [\"track\", "
                + "\"decide\", \"read\", \"consent\", \"admin\", \"accounts\", \"devices\", \"privacy\"]}"));
        client.useWriteKey(client.newKey("{\"kind\": \"public\", \"label\": \"web shop\"}"));
        return client;
    }

    /** The secret key in use. */
    String secretKey() {
        return secretKey;
    }

    private String newKey(String request) {
        Answer created = send("POST", "/v1/api-keys", request, Credential.SESSION);
        if (created.status() != 201) {
            throw new AssertionError("api key: " + created.status() + " " + created.body());
        }
        return created.json().getString("secret");
    }

    void useSecretKey(String key) {
        secretKey = key;
    }

    void useWriteKey(String key) {
        writeKey = key;
    }

    /** Signs {@link Credential#CRM_SIGNATURE} requests with {@code secret} ({@code crm.inboundSecret}). */
    void useCrmSecret(String secret) {
        crmSecret = secret;
    }

    /** Uses the session a sign-in answer started: its cookie and its CSRF token. */
    void useSession(Answer signIn) {
        sessionCookie = signIn.sessionCookie().orElseThrow(() -> new AssertionError("sign-in set no cookie"));
        csrfToken = signIn.json().getString("csrfToken");
    }

    /** Sends {@code method path} with {@code body} (JSON; null for none). */
    Answer send(String method, String path, String body, Credential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authenticate(request, method, credential);
        if (credential == Credential.CRM_SIGNATURE) {
            long now = Instant.now().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP, Long.toString(now)).header(WebhookSignature.SIGNATURE,
                    new WebhookSignature(crmSecret).sign(now, body == null ? "" : body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer(response, response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Opens a stream ({@code text/event-stream}), reads its headers and first bytes, and closes it again. */
    Answer openAndClose(String path, Credential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .GET();
        authenticate(request, "GET", credential);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                byte[] first = new byte[64];
                int read = stream.read(first);
                return answer(response, read <= 0 ? "" : new String(first, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void authenticate(HttpRequest.Builder request, String method, Credential credential) {
        switch (credential) {
            case SECRET_KEY -> request.header("Authorization", "Bearer " + secretKey);
            case WRITE_KEY -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
            case SESSION -> {
                request.header("Cookie", "wm_session=" + sessionCookie);
                if (!method.equals("GET")) {
                    request.header("X-CSRF-Token", csrfToken);
                }
            }
            case NONE, CRM_SIGNATURE -> {
            }
        }
    }

    private static Answer answer(HttpResponse<?> response, String body) {
        String type = response.headers().firstValue("content-type").orElse("");
        int semicolon = type.indexOf(';');
        Optional<String> cookie = response.headers().allValues("set-cookie").stream()
                .filter(value -> value.startsWith("wm_session=")).findFirst()
                .map(value -> value.substring("wm_session=".length(), value.indexOf(';') < 0 ? value.length()
                        : value.indexOf(';')));
        return new Answer(response.statusCode(), (semicolon < 0 ? type : type.substring(0, semicolon)).strip(), body,
                cookie);
    }
}
