package dev.waymark.provisioning.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Topics;
import dev.waymark.protocol.device.DeviceRole;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Enrollment token text: {@code wm1:<role>:<store>:<secret>}. The role and store are in clear so the tech and the
 * device can read them; only the 192-bit secret is a credential, and the registry keeps only its SHA-256. A
 * tampered role or store does not help: the service checks them against what it stored under the secret's hash.
 */
public final class TokenCodec {

    /** Random bytes in a token's secret: 24 bytes = 192 bits (the brief asks for at least 128). */
    public static final int SECRET_BYTES = 24;

    private static final String PREFIX = "wm1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenCodec() {
    }

    /** The parts of a token. */
    public record Parsed(DeviceRole role, String storeId, String secret) {
        /** SHA-256 of the secret, hex: the registry's key. */
        public String hash() {
            return TokenCodec.hash(secret);
        }
    }

    /** A new token for this store and role. */
    public static String newToken(String storeId, DeviceRole role) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + ":" + role.name().toLowerCase(Locale.ROOT) + ":" + storeId + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The token's parts, or a rejection naming {@code token}. */
    public static Decoded<Parsed> parse(String token) {
        String[] parts = token.strip().split(":", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return Decoded.rejected("token", "is not a Waymark enrollment token (wm1:<role>:<store>:<secret>)");
        }
        DeviceRole role;
        try {
            role = DeviceRole.valueOf(parts[1].toUpperCase(Locale.ROOT));
            Topics.requireSegment("store", parts[2]);
        } catch (IllegalArgumentException e) {
            return Decoded.rejected("token", "has an unknown role or a malformed store");
        }
        if (!parts[3].matches("[A-Za-z0-9_-]{32}")) {
            return Decoded.rejected("token", "secret part is malformed");
        }
        return Decoded.accepted(new Parsed(role, parts[2], parts[3]));
    }

    /** SHA-256 of a token secret, 64 lower-case hex digits. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(Pem.sha256(secret.getBytes(StandardCharsets.US_ASCII)));
    }
}
