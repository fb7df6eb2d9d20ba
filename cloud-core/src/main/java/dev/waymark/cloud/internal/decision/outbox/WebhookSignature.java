package dev.waymark.cloud.internal.decision.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Waymark-Signature: v1=<hex HMAC-SHA256 over timestamp + "." + body>} with the
 * timestamp (epoch seconds) in {@code X-Waymark-Timestamp}, so a receiver can check origin and reject replays.
 */
public final class WebhookSignature {

    /** The signature header. */
    public static final String SIGNATURE = "X-Waymark-Signature";
    /** The timestamp header, epoch seconds. */
    public static final String TIMESTAMP = "X-Waymark-Timestamp";
    /** The idempotency header, the same on every attempt of one message. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final byte[] secret;

    /** A signer with the shared secret. */
    public WebhookSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value {@code v1=<hex>} for {@code body} sent at {@code timestamp}. */
    public String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is a required JDK algorithm.
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code header} is the signature of {@code body} at {@code timestamp} (constant-time compare). */
    public boolean verify(long timestamp, String body, String header) {
        return header != null && MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }
}
