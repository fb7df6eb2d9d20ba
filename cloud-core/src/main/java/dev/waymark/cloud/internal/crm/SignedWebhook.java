package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.decision.outbox.Connector;
import dev.waymark.cloud.internal.decision.outbox.DeliveryFailure;
import dev.waymark.cloud.internal.decision.outbox.OutboxMessage;
import dev.waymark.cloud.internal.decision.outbox.SignedPost;
import io.vertx.core.Future;
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

    private final CrmSettings.Webhook target;
    private final SignedPost post;

    SignedWebhook(WebClient http, CrmSettings.Webhook target, Duration timeout, Clock clock) {
        this.target = target;
        this.post = new SignedPost(http, target.secret(), timeout, clock);
    }

    @Override
    public Future<Void> send(OutboxMessage message) {
        return post.send(target.url(), message).compose(response -> response.statusCode() / 100 == 2
                ? Future.<Void>succeededFuture() : Future.failedFuture(DeliveryFailure.ofHttp(response.statusCode(),
                        response.getHeader("retry-after"))));
    }
}
