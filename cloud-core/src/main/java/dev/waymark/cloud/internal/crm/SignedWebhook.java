package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.decision.outbox.Connector;
import dev.waymark.cloud.internal.decision.outbox.DeliveryFailure;
import dev.waymark.cloud.internal.decision.outbox.OutboxMessage;
import dev.waymark.cloud.internal.decision.outbox.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The generic CRM connector: POSTs each {@link CrmMessage} as JSON to {@code crm.webhook.url} with
 * {@code X-Waymark-Timestamp}, {@code X-Waymark-Signature} (HMAC-SHA256 with {@code crm.webhook.secret}) and the
 * message's {@code Idempotency-Key}, the same on every attempt. 2xx delivers; 408, 429 and 5xx are retried
 * (after {@code Retry-After} when given), other answers dead-letter the message.
 */
final class SignedWebhook implements Connector {

    private final WebClient http;
    private final CrmSettings.Webhook target;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;

    SignedWebhook(WebClient http, CrmSettings.Webhook target, Duration timeout, Clock clock) {
        this.http = http;
        this.target = target;
        this.signature = new WebhookSignature(target.secret());
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Future<Void> send(OutboxMessage message) {
        long timestamp = clock.instant().getEpochSecond();
        return http.postAbs(target.url().toString())
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, signature.sign(timestamp, message.payload()))
                .putHeader(WebhookSignature.IDEMPOTENCY_KEY, message.idempotencyKey())
                .sendBuffer(Buffer.buffer(message.payload()))
                .compose(response -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(DeliveryFailure.ofHttp(response.statusCode(),
                                response.getHeader("retry-after"))));
    }
}
