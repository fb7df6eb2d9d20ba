package dev.waymark.cloud.internal.decision.outbox;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/**
 * Sends {@link OutboxMessage#WEBHOOK} messages (web/app actions) as signed POSTs to {@code outbox.webhookUrl}; every
 * answer but 2xx is retried.
 */
final class ActionWebhook implements Connector {

    private final WebClient http;
    private final OutboxSettings settings;
    private final WebhookSignature signature;
    private final Clock clock;

    ActionWebhook(WebClient http, OutboxSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.signature = new WebhookSignature(settings.webhookSecret());
        this.clock = clock;
    }

    @Override
    public Future<Void> send(OutboxMessage message) {
        if (settings.webhookUrl().isEmpty()) {
            return Future.failedFuture(new IllegalStateException("no webhook URL is configured"));
        }
        long timestamp = clock.instant().getEpochSecond();
        return http.postAbs(settings.webhookUrl().get().toString())
                .timeout(settings.requestTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, signature.sign(timestamp, message.payload()))
                .putHeader(WebhookSignature.IDEMPOTENCY_KEY, message.idempotencyKey())
                .sendBuffer(Buffer.buffer(message.payload()))
                .compose(response -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                        : Future.failedFuture("HTTP " + response.statusCode()));
    }
}
