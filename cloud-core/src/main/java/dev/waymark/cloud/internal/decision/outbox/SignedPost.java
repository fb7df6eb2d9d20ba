package dev.waymark.cloud.internal.decision.outbox;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * One attempt of an outbox message as a signed webhook POST: the payload as JSON with {@link WebhookSignature}'s
 * timestamp and signature headers and the message's idempotency key. Shared by the action and CRM webhooks.
 */
public final class SignedPost {

    private final WebClient http;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;

    /** POSTs through {@code http}, signed with {@code secret}, each limited to {@code timeout}. */
    public SignedPost(WebClient http, String secret, Duration timeout, Clock clock) {
        this.http = http;
        this.signature = new WebhookSignature(secret);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Sends {@code message} to {@code url}; completes with the answer, whatever its status. */
    public Future<HttpResponse<Buffer>> send(URI url, OutboxMessage message) {
        long timestamp = clock.instant().getEpochSecond();
        return http.postAbs(url.toString())
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, signature.sign(timestamp, message.payload()))
                .putHeader(WebhookSignature.IDEMPOTENCY_KEY, message.idempotencyKey())
                .sendBuffer(Buffer.buffer(message.payload()));
    }
}
