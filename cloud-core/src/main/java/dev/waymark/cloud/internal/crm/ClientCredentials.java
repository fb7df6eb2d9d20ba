package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.decision.outbox.DeliveryFailure;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OAuth 2.0 client-credentials token for the Salesforce-style connector: asked for once and shared, asked for
 * again when it expires ({@code expires_in}, less a minute) or when the API refused it ({@link #refresh}).
 */
final class ClientCredentials {

    /** A bearer token and the API base it is for. */
    record Token(String accessToken, URI instanceUrl, Instant expiresAt) {
    }

    private static final Duration EARLY = Duration.ofMinutes(1);

    private final WebClient http;
    private final SalesforceSettings settings;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicReference<Future<Token>> current = new AtomicReference<>();

    ClientCredentials(WebClient http, SalesforceSettings settings, Duration timeout, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The current token, asking for one when there is none, it failed or it expired. */
    Future<Token> token() {
        Future<Token> held = current.get();
        if (held != null && !held.failed()
                && (!held.succeeded() || held.result().expiresAt().isAfter(clock.instant()))) {
            return held;
        }
        Future<Token> asked = ask();
        return current.compareAndSet(held, asked) ? asked : current.get();
    }

    /** Forgets {@code refused} (the API answered 401 to it) and returns a new token. */
    Future<Token> refresh(Token refused) {
        Future<Token> held = current.get();
        if (held != null && held.succeeded() && held.result() == refused) {
            current.compareAndSet(held, null);
        }
        return token();
    }

    private Future<Token> ask() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                .add("client_id", settings.clientId()).add("client_secret", settings.clientSecret());
        return http.postAbs(settings.tokenUrl().toString()).timeout(timeout.toMillis()).sendForm(form)
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(DeliveryFailure.retry("token endpoint: HTTP "
                                + response.statusCode(), Optional.empty()));
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    String accessToken = body == null ? null : body.getString("access_token");
                    Optional<URI> instance = body == null || body.getString("instance_url") == null
                            ? settings.instanceUrl() : Optional.of(URI.create(body.getString("instance_url")));
                    if (accessToken == null || instance.isEmpty()) {
                        return Future.failedFuture(DeliveryFailure.retry("token endpoint: no access_token or "
                                + "instance_url", Optional.empty()));
                    }
                    long expiresIn = body.getLong("expires_in", 7200L);
                    Instant expiresAt = clock.instant().plusSeconds(expiresIn).minus(EARLY);
                    return Future.succeededFuture(new Token(accessToken, settings.instanceUrl()
                            .orElse(instance.get()), expiresAt));
                });
    }
}
