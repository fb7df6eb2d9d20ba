package dev.waymark.cloud.internal.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (session ids, CSRF tokens, API keys) and their stored form. They carry 256 random bits, so
 * one SHA-256 is the right hash for them: nobody can guess such a value, so a slow hash would buy nothing and cost
 * every request; a stolen table of hashes still cannot be replayed.
 */
public final class SecretTokens {

    private static final int SECRET_BYTES = 32;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** 256 random bits, base64url without padding (43 characters), after {@code prefix}. */
    public String next(String prefix) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return prefix + B64URL.encodeToString(bytes);
    }

    /** The stored form of a secret: SHA-256 of its UTF-8 bytes, lower-case hex. */
    public static String digest(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** True when both strings are equal, in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
