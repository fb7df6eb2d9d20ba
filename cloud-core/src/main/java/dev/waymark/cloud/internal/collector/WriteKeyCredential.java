package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Source;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Finds a request's write key as Segment's SDKs send it: HTTP Basic authentication with the key as the user name
 * and an empty password, or a {@code writeKey} field in the body. The header wins when both are present.
 */
final class WriteKeyCredential {

    private static final String BASIC = "basic ";

    private WriteKeyCredential() {
    }

    /** The write key, or a refusal naming where it should have been; never echoes what was sent. */
    static Decoded<String> of(String authorization, JsonObject body) {
        if (authorization != null) {
            return fromHeader(authorization).flatMap(WriteKeyCredential::wellFormed);
        }
        if (body.get("writeKey") instanceof JsonString key) {
            return wellFormed(key.getString());
        }
        return Decoded.rejected("writeKey", "missing: send the write key as the Basic auth user or as writeKey");
    }

    private static Decoded<String> fromHeader(String authorization) {
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            return Decoded.rejected("Authorization", "must be Basic with the write key as the user name");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Decoded.rejected("Authorization", "is not valid base64");
        }
        // Segment accepts "key" without the colon for backward compatibility; so do we.
        int colon = decoded.indexOf(':');
        return Decoded.accepted(colon < 0 ? decoded : decoded.substring(0, colon));
    }

    private static Decoded<String> wellFormed(String key) {
        try {
            Source.web(key);
            return Decoded.accepted(key);
        } catch (IllegalArgumentException e) {
            return Decoded.rejected("writeKey", "is not a valid write key");
        }
    }
}
