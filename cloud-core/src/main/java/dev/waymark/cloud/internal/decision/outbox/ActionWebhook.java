package dev.waymark.cloud.internal.decision.outbox;

import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;

/**
 * Sends {@link OutboxMessage#WEBHOOK} messages (web/app actions) as signed POSTs to {@code outbox.webhookUrl}; every
 * answer but 2xx is retried.
 */
final class ActionWebhook implements Connector {

    private final OutboxSettings settings;
    private final SignedPost post;

    ActionWebhook(WebClient http, OutboxSettings settings, Clock clock) {
        this.settings = settings;
        this.post = new SignedPost(http, settings.webhookSecret(), settings.requestTimeout(), clock);
    }

    @Override
    public Future<Void> send(OutboxMessage message) {
        if (settings.webhookUrl().isEmpty()) {
            return Future.failedFuture(new IllegalStateException("no webhook URL is configured"));
        }
        URI url = settings.webhookUrl().get();
        return post.send(url, message).compose(response -> response.statusCode() / 100 == 2
                ? Future.<Void>succeededFuture() : Future.failedFuture("HTTP " + response.statusCode()));
    }
}
