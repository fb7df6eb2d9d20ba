package dev.waymark.console.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A browser-like HTTP client of the console: it keeps the {@code wm_session} cookie the cloud set through the
 * console and sends the session's CSRF token on unsafe requests, unless told not to.
 */
public final class ConsoleClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private Optional<String> cookie = Optional.empty();
    private Optional<String> csrf = Optional.empty();

    ConsoleClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A client with no session at all. */
    public static ConsoleClient anonymous(String base) {
        return new ConsoleClient(base);
    }

    /** Signs in, keeping the new cookie and CSRF token; returns the answer. */
    public Answer signIn(String user, String password) {
        Answer answer = send("POST", "/v1/session", new JsonObject().put("name", user).put("password", password));
        answer.expect(200);
        cookie = answer.sessionCookie();
        csrf = Optional.of(answer.json().getString("csrfToken"));
        return answer;
    }

    /** The session cookie's value this client holds. */
    public Optional<String> cookie() {
        return cookie;
    }

    /** Uses {@code value} as the session cookie (a planted one, say). */
    public void useCookie(String value) {
        cookie = Optional.of(value);
    }

    /** A GET. */
    public Answer get(String path) {
        return send("GET", path, null);
    }

    /** A request with the CSRF token (when signed in). */
    public Answer send(String method, String path, JsonObject body) {
        return exchange(method, path, body, true);
    }

    /** A request without the {@code X-CSRF-Token} header. */
    public Answer sendWithoutCsrf(String method, String path, JsonObject body) {
        return exchange(method, path, body, false);
    }

    /** A POST with HTTP Basic credentials (a collector's write key) and no cookie. */
    public Answer sendBasic(String path, String basic, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        return send(request);
    }

    private Answer exchange(String method, String path, JsonObject body, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        cookie.ifPresent(value -> request.header("Cookie", "wm_session=" + value));
        if (withCsrf && !method.equals("GET")) {
            csrf.ifPresent(token -> request.header("X-CSRF-Token", token));
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            return new Answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer with the checks the tests make. */
    public record Answer(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            return new JsonObject(response.body());
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** The full {@code Set-Cookie} line of {@code wm_session}, if the answer set one. */
        public Optional<String> sessionCookieLine() {
            return response.headers().allValues("Set-Cookie").stream()
                    .filter(line -> line.startsWith("wm_session=")).findFirst();
        }

        Optional<String> sessionCookie() {
            return sessionCookieLine().map(line -> line.substring("wm_session=".length(), line.indexOf(';')));
        }

        /** Fails with the body when the status is not {@code expected}. */
        public Answer expect(int expected) {
            if (status() != expected) {
                throw new AssertionError(response.request().method() + " " + response.request().uri() + ": expected "
                        + expected + " but got " + status() + " " + response.body());
            }
            return this;
        }
    }
}
