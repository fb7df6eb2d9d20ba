package dev.waymark.provisioning.internal;

import dev.waymark.provisioning.EnrollmentRefused;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** A blocking JSON-over-HTTPS client for the provisioning API, with the caller's trust and key managers. */
public final class ProvisioningClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;

    /** A client for {@code baseUrl} (ending in the mount point, e.g. https://host:8443/provisioning/v1). */
    public ProvisioningClient(String baseUrl, TrustManager trust, KeyManager[] keys) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys, new TrustManager[] {trust}, null);
            this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(CONNECT_TIMEOUT).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** POSTs JSON and returns the JSON answer; {@link EnrollmentRefused} for an error status. */
    public JsonObject post(String path, JsonObject body, String bearer) throws IOException, EnrollmentRefused {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        return send(request, bearer);
    }

    /** GETs JSON. */
    public JsonObject get(String path, String bearer) throws IOException, EnrollmentRefused {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT).GET(), bearer);
    }

    /** GETs raw bytes (the CRL). */
    public byte[] getBytes(String path) throws IOException, EnrollmentRefused {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new EnrollmentRefused(response.statusCode(), "path", "HTTP " + response.statusCode());
        }
        return response.body();
    }

    private JsonObject send(HttpRequest.Builder request, String bearer) throws IOException, EnrollmentRefused {
        if (!bearer.isEmpty()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonObject json;
        try {
            json = new JsonObject(response.body());
        } catch (DecodeException e) {
            throw new IOException("the service answered HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() >= 300) {
            JsonObject error = json.getJsonObject("error", new JsonObject());
            throw new EnrollmentRefused(response.statusCode(), error.getString("field", "?"),
                    error.getString("reason", "HTTP " + response.statusCode()));
        }
        return json;
    }
}
